package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.query.TrialsSearchSpace;
import io.tunelab.tracker.query.StudySummary;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-study aggregates the tracker maintains ({@link AggregateRows}) agree with the ones computed from
 * the trials ({@link StudyAggregates}, {@link StudySummary#of}) after random histories: trials that finish
 * out of number order, failures, prunes, claimed retries, infeasible trials, NaN and infinite values, both
 * directions, one and two objectives, several writers at once, and a backfill of existing studies; and the
 * maintained search space ({@link SpaceRows}) agrees with {@link TrialsSearchSpace} over the trials. Run on every
 * database the tracker supports.
 */
abstract class MaintainedAggregatesContract {
    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0};

    @TempDir
    protected Path tmp;
    private Database db;
    private JdbcTrialStorage storage;
    private JdbcTrackerQueries queries;

    /** A new, empty database. */
    protected abstract Database newDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = newDatabase();
        storage = new JdbcTrialStorage(db, true, new LocalArtifactRepository(tmp.resolve("artifacts")),
                StorageOptions.defaults().withoutHeartbeat());
        queries = new JdbcTrackerQueries(db, storage, new JdbcProvenanceStore(db));
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private StudySummary computed(long studyId) {
        return db.read(c -> {
            StudyRecord study = new StudyTable().get(c, studyId);
            return new StudyAggregates().of(c, study).summary(study);
        });
    }

    private List<Long> computedBest(long studyId) {
        return db.read(c -> new StudyAggregates().of(c, new StudyTable().get(c, studyId)).bestIds());
    }

    private void assertAgrees(long studyId) {
        StudySummary maintained = queries.study(studyId);
        assertThat(maintained).isEqualTo(computed(studyId));
        assertThat(maintained).isEqualTo(StudySummary.of(storage.study(studyId),
                storage.trials(studyId, EnumSet.allOf(TrialState.class))));
        assertThat(queries.best(studyId)).extracting(FrozenTrial::id).containsExactlyElementsOf(computedBest(studyId));
    }

    private static List<Double> values(SplittableRandom random, int objectives, boolean specials) {
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < objectives; i++) {
            values.add(specials && random.nextInt(12) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)]
                    : random.nextInt(16) / 2.0 - 3);
        }
        return values;
    }

    /** Opens a batch of trials (some through the waiting queue), then finishes them in random order. */
    private void randomHistory(long studyId, int objectives, boolean specials, SplittableRandom random, int batches) {
        for (int b = 0; b < batches; b++) {
            List<Long> open = new ArrayList<>();
            for (int i = 0, n = 1 + random.nextInt(6); i < n; i++) {
                if (random.nextInt(4) == 0) {
                    storage.createWaitingTrial(studyId, Map.of(), Map.of("retry_of", i));
                    storage.claimWaitingTrial(studyId).ifPresent(t -> open.add(t.id()));
                } else {
                    open.add(storage.createRunningTrial(studyId).id());
                }
            }
            if (random.nextInt(5) == 0) {
                storage.createWaitingTrial(studyId, Map.of(), Map.of());
            }
            while (!open.isEmpty()) {
                long id = open.remove(random.nextInt(open.size()));
                int kind = random.nextInt(10);
                if (random.nextInt(4) == 0) {
                    storage.setUserAttr(id, Constraints.USER_ATTR,
                            random.nextInt(10) == 0 ? "malformed" : List.of(random.nextDouble(-1, 1)));
                }
                if (kind == 0) {
                    continue;
                }
                TrialState state = kind < 7 ? TrialState.COMPLETE : kind < 9 ? TrialState.PRUNED : TrialState.FAIL;
                storage.finishTrial(id, state, state == TrialState.COMPLETE ? values(random, objectives, specials) : List.of(),
                        state == TrialState.FAIL ? "boom" : null);
            }
        }
    }

    @Test
    void randomHistoriesAgreeWithTheComputedAggregatesInBothDirections() {
        for (Direction direction : Direction.values()) {
            for (int seed = 0; seed < 3; seed++) {
                long s = storage.createStudy("single-" + direction + seed, List.of(direction)).id();
                SplittableRandom random = new SplittableRandom(1_700 + seed);
                for (int step = 0; step < 6; step++) {
                    randomHistory(s, 1, seed > 0, random, 8);
                    assertAgrees(s);
                }
            }
        }
    }

    @Test
    void aFirstTrialWithANaNValueStaysBestUntilAnEarlierTrialFinishes() {
        long s = storage.createStudy("nan", List.of(Direction.MINIMIZE)).id();
        long early = storage.createRunningTrial(s).id();
        long nan = storage.createRunningTrial(s).id();
        storage.finishTrial(nan, TrialState.COMPLETE, List.of(Double.NaN), null);
        storage.finishTrial(storage.createRunningTrial(s).id(), TrialState.COMPLETE, List.of(-1.0), null);
        assertAgrees(s);
        assertThat(queries.study(s).bestValues()).containsExactly(Double.NaN);

        storage.finishTrial(early, TrialState.COMPLETE, List.of(5.0), null);

        assertAgrees(s);
        assertThat(queries.study(s).bestValues()).containsExactly(-1.0);
    }

    @Test
    void twoObjectiveFrontsAgreeWhetherMaintainedOrComputedAfterANaN() {
        List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
        long finite = storage.createStudy("front", directions).id();
        long withNaN = storage.createStudy("front-nan", directions).id();
        SplittableRandom random = new SplittableRandom(71);
        for (int step = 0; step < 6; step++) {
            randomHistory(finite, 2, false, random, 8);
            randomHistory(withNaN, 2, true, random, 8);
            assertAgrees(finite);
            assertAgrees(withNaN);
        }
        assertThat(queries.study(finite).paretoSize()).isGreaterThan(0);
    }

    @Test
    void theBackfillOfExistingStudiesEqualsTheMaintainedAggregates() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        List<Long> studies = new ArrayList<>();
        for (Direction direction : Direction.values()) {
            studies.add(storage.createStudy("one-" + direction, List.of(direction)).id());
            randomHistory(studies.get(studies.size() - 1), 1, true, random, 30);
            studies.add(storage.createStudy("two-" + direction, List.of(direction, Direction.MINIMIZE)).id());
            randomHistory(studies.get(studies.size() - 1), 2, false, random, 30);
        }
        studies.add(storage.createStudy("empty", List.of(Direction.MINIMIZE)).id());
        List<StudySummary> maintained = queries.studies();

        db.update(c -> {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM study_front");
                st.executeUpdate("DELETE FROM study_aggregates");
            }
            AggregatesBackfill.backfill(c);
        });

        assertThat(queries.studies()).isEqualTo(maintained).hasSize(studies.size());
        studies.forEach(this::assertAgrees);
    }

    @Test
    void theMaintainedSearchSpaceEqualsTheWalkOverTheTrials() {
        long s = storage.createStudy("space", List.of(Direction.MINIMIZE)).id();
        assertThat(queries.space(s)).isEmpty();
        List<Distribution> xs = List.of(new FloatDistribution(0, 1, false, 0), new FloatDistribution(0, 2, false, 0));
        Distribution units = new IntDistribution(1, 64, true, 1);
        Distribution optimizer = CategoricalDistribution.of("adam", "sgd");
        SplittableRandom random = new SplittableRandom(29);
        for (int round = 0; round < 12; round++) {
            List<Long> open = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                open.add(storage.createRunningTrial(s).id());
            }
            for (int k = 0; k < 12; k++) {
                long id = open.get(random.nextInt(open.size()));
                FrozenTrial t = storage.trial(id);
                String name = List.of("x", "units", "optimizer", "late").get(random.nextInt(round < 4 ? 3 : 4));
                if (t.params().containsKey(name)) {
                    continue;
                }
                switch (name) {
                    case "x" -> storage.setParam(id, name, 0.5, xs.get(random.nextInt(2)));
                    case "units" -> storage.setParam(id, name, 8, units);
                    case "optimizer" -> storage.setParam(id, name, "sgd", optimizer);
                    default -> storage.setParam(id, name, 0.25, xs.get(0));
                }
            }
            for (long id : open) {
                storage.finishTrial(id, TrialState.COMPLETE, List.of(random.nextDouble()), null);
            }
            assertThat(List.copyOf(queries.space(s).entrySet())).containsExactlyElementsOf(
                    TrialsSearchSpace.of(storage.trials(s, EnumSet.allOf(TrialState.class))).entrySet());
        }
        assertThat(queries.space(s)).containsKeys("x", "units", "optimizer", "late");
    }

    @Test
    @Timeout(120)
    void severalWritersFinishingTrialsAtOnceLoseNoUpdate() throws Exception {
        long single = storage.createStudy("busy", List.of(Direction.MAXIMIZE)).id();
        long two = storage.createStudy("busy-front", List.of(Direction.MINIMIZE, Direction.MINIMIZE)).id();
        ExecutorService workers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                SplittableRandom random = new SplittableRandom(900 + w);
                done.add(workers.submit(() -> {
                    randomHistory(single, 1, true, random, 12);
                    randomHistory(two, 2, false, random, 12);
                }));
            }
            for (Future<?> f : done) {
                f.get(100, TimeUnit.SECONDS);
            }
        } finally {
            workers.shutdownNow();
        }
        assertAgrees(single);
        assertAgrees(two);
        assertThat(queries.study(single).totalTrials()).isEqualTo(storage.trials(single, EnumSet.allOf(TrialState.class)).size());
    }
}
