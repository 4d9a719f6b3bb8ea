package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.query.ParetoSet;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.setup.Tracker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Summaries computed by the database agree with {@link StudySummary#of} over the loaded trials. */
class StudyAggregatesTest {
    @TempDir
    Path tmp;
    Tracker tracker;
    TrialStorage storage;
    TrackerQueries queries;

    @BeforeEach
    void open() {
        tracker = TestTrackers.open(tmp);
        storage = tracker.storage();
        queries = tracker.queries();
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    private long trial(long study, TrialState state, List<Double> values, Object constraints) {
        long id = storage.createRunningTrial(study).id();
        if (constraints != null) {
            storage.setUserAttr(id, Constraints.USER_ATTR, constraints);
        }
        if (state != TrialState.RUNNING) {
            storage.finishTrial(id, state, values, state == TrialState.FAIL ? "boom" : null);
        }
        return id;
    }

    private StudySummary fromTrials(long study) {
        return StudySummary.of(storage.study(study), storage.trials(study, EnumSet.allOf(TrialState.class)));
    }

    @Test
    void theBestTrialIsTheFirstFeasibleOneWithTheBestValueAmongEveryState() {
        long s = storage.createStudy("mixed", List.of(Direction.MINIMIZE)).id();
        trial(s, TrialState.COMPLETE, List.of(5.0), null);
        trial(s, TrialState.COMPLETE, List.of(1.0), List.of(0.5));
        long best = trial(s, TrialState.COMPLETE, List.of(2.0), List.of(-1.0));
        trial(s, TrialState.COMPLETE, List.of(2.0), null);
        trial(s, TrialState.PRUNED, List.of(), null);
        trial(s, TrialState.FAIL, List.of(), null);
        trial(s, TrialState.RUNNING, List.of(), null);
        storage.createWaitingTrial(s, Map.of(), Map.of());
        trial(s, TrialState.COMPLETE, List.of(Double.NEGATIVE_INFINITY), List.of("not a number"));
        trial(s, TrialState.COMPLETE, List.of(Double.NaN), null);

        StudySummary summary = queries.study(s);

        assertThat(summary).isEqualTo(fromTrials(s));
        assertThat(summary.bestNumber()).isEqualTo(storage.trial(best).number());
        assertThat(summary.infeasible()).isEqualTo(2);
        assertThat(summary.counts()).containsEntry(TrialState.WAITING, 1).containsEntry(TrialState.COMPLETE, 6);
        assertThat(queries.best(s)).extracting(FrozenTrial::id).containsExactly(best);
    }

    @Test
    void infinitiesAndAFirstNaNFoldAsTheStoredTrialsDo() {
        long nanFirst = storage.createStudy("nan-first", List.of(Direction.MINIMIZE)).id();
        trial(nanFirst, TrialState.COMPLETE, List.of(Double.NaN), null);
        trial(nanFirst, TrialState.COMPLETE, List.of(1.0), null);
        long inf = storage.createStudy("inf", List.of(Direction.MAXIMIZE)).id();
        trial(inf, TrialState.COMPLETE, List.of(3.0), null);
        trial(inf, TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY), null);
        trial(inf, TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY), null);

        assertThat(queries.studies()).containsExactly(fromTrials(nanFirst), fromTrials(inf));
        assertThat(queries.study(inf).bestNumber()).isEqualTo(1);
    }

    @Test
    void aStudyWithoutFeasibleTrialsHasNoBestTrial() {
        long s = storage.createStudy("none", List.of(Direction.MINIMIZE)).id();
        trial(s, TrialState.COMPLETE, List.of(1.0), List.of(2.0));
        trial(s, TrialState.RUNNING, List.of(), null);

        assertThat(queries.study(s)).isEqualTo(fromTrials(s));
        assertThat(queries.study(s).bestNumber()).isEqualTo(-1);
        assertThat(queries.best(s)).isEmpty();
    }

    @Test
    void theSummaryFollowsTrialsThatFinishAfterItWasRead() {
        long s = storage.createStudy("live", List.of(Direction.MAXIMIZE)).id();
        trial(s, TrialState.COMPLETE, List.of(1.0), null);
        assertThat(queries.study(s).bestValues()).containsExactly(1.0);
        long running = trial(s, TrialState.RUNNING, List.of(), null);
        assertThat(queries.study(s).counts()).containsEntry(TrialState.RUNNING, 1);

        storage.finishTrial(running, TrialState.COMPLETE, List.of(4.0), null);

        assertThat(queries.study(s)).isEqualTo(fromTrials(s));
        assertThat(queries.study(s).bestValues()).containsExactly(4.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void randomStudiesAgreeWithTheSummaryOfTheirTrials(int objectives) {
        SplittableRandom random = new SplittableRandom(17 + objectives);
        List<Direction> directions = new ArrayList<>();
        for (int i = 0; i < objectives; i++) {
            directions.add(i % 2 == 0 ? Direction.MAXIMIZE : Direction.MINIMIZE);
        }
        long s = storage.createStudy("random", directions).id();
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0};
        for (int n = 0; n < 150; n++) {
            TrialState state = List.of(TrialState.COMPLETE, TrialState.COMPLETE, TrialState.COMPLETE, TrialState.PRUNED,
                    TrialState.FAIL, TrialState.RUNNING).get(random.nextInt(6));
            List<Double> values = new ArrayList<>();
            for (int i = 0; state == TrialState.COMPLETE && i < objectives; i++) {
                values.add(random.nextInt(10) == 0 ? special[random.nextInt(special.length)] : random.nextInt(8) / 2.0);
            }
            Object constraints = random.nextInt(4) == 0 ? List.of(random.nextDouble(-1, 1)) : null;
            trial(s, state, values, constraints);
        }

        assertThat(queries.study(s)).isEqualTo(fromTrials(s));
        List<FrozenTrial> expected = objectives == 1
                ? Constraints.bestFeasible(storage.trials(s, EnumSet.of(TrialState.COMPLETE)), directions.get(0))
                        .map(List::of).orElse(List.of())
                : ParetoSet.of(storage.trials(s, EnumSet.allOf(TrialState.class)), directions);
        assertThat(queries.best(s)).extracting(FrozenTrial::number)
                .containsExactlyElementsOf(expected.stream().map(FrozenTrial::number).toList());
    }
}
