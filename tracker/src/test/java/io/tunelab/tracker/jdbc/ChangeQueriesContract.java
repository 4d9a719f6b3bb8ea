package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.query.ChangeQueries;
import io.tunelab.tracker.query.ChangeQueries.ChangedTrial;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a live viewer asks {@link ChangeQueries}: only what moved since its cursors. Run on every
 * database the tracker supports.
 */
abstract class ChangeQueriesContract {
    @TempDir
    protected Path tmp;
    private Database db;
    private JdbcTrialStorage storage;
    private ChangeQueries queries;
    private Study study;

    /** A new, empty database. */
    protected abstract Database newDatabase() throws Exception;

    @BeforeEach
    void fillAStudyOfTwentyTrials() throws Exception {
        db = newDatabase();
        storage = new JdbcTrialStorage(db, true, new LocalArtifactRepository(tmp.resolve("artifacts")),
                StorageOptions.defaults());
        queries = new JdbcChangeQueries(db);
        study = Study.builder("changes").storage(storage).seed(3).sampler(RandomSampler::new).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            t.log("loss", 0, x);
            return x;
        }, OptimizeOptions.trials(20).withParallelism(1));
        storage.flush();
    }

    @AfterEach
    void close() {
        storage.close();
    }

    private long idOf(Trial trial) {
        return study.trials().get(trial.number()).id();
    }

    @Test
    void onlyTrialsCreatedOrFinishedAfterTheCounterComeBack() {
        long counter = queries.counters().get(study.studyId());
        assertThat(queries.changedTrials(study.studyId(), counter)).isEmpty();

        study.tell(study.ask(), 0.5);

        assertThat(queries.counters().get(study.studyId())).isGreaterThan(counter);
        assertThat(queries.changedTrials(study.studyId(), counter)).extracting(ChangedTrial::number).containsExactly(20);
    }

    @Test
    void aRunningTrialsActivityCountsItsParametersAndIntermediateValues() {
        Trial running = study.ask();
        running.suggestFloat("x", 0, 1);
        running.report(0, 0.9);
        running.report(1, 0.8);

        assertThat(queries.activity(study.studyId())).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo(20);
            assertThat(a.params()).isEqualTo(1);
            assertThat(a.intermediates()).isEqualTo(2);
        });
        assertThat(queries.activity(List.of(idOf(running)))).hasSize(1);
    }

    @Test
    void aRunningTrialsActivityCountsItsSummariesSoThatOneLoggingOnlyHistogramsIsSeenLive() {
        Trial running = study.ask();
        running.suggestFloat("x", 0, 1);
        int before = queries.activity(study.studyId()).get(0).summaries();

        running.logHistogram("weights", 0, new double[] {0.1, 0.2, 0.3});
        running.logHistogram("weights", 1, new double[] {0.2, 0.3});
        storage.flush();

        assertThat(before).isZero();
        assertThat(queries.activity(study.studyId())).singleElement().satisfies(a -> assertThat(a.summaries()).isEqualTo(2));
    }

    @Test
    void onlySeriesWithPointsAfterThePointCursorComeBackWithTheirSummary() {
        long cursor = queries.lastPointId();
        assertThat(queries.grownSince(cursor)).isEmpty();

        Trial running = study.ask();
        running.log("loss", 0, 0.7);
        running.log("loss", 1, 0.6);
        storage.flush();

        assertThat(queries.grownSince(cursor)).singleElement().satisfies(g -> {
            assertThat(g.number()).isEqualTo(20);
            assertThat(g.name()).isEqualTo("loss");
            assertThat(g.count()).isEqualTo(2);
            assertThat(g.lastStep()).isEqualTo(1);
            assertThat(g.lastPointId()).isGreaterThan(cursor);
        });
        assertThat(queries.trials(study.studyId(), List.of(idOf(running)))).singleElement()
                .satisfies(t -> assertThat(t.number()).isEqualTo(20));
    }
}
