package io.tunelab.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class StudySummaryTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static FrozenTrial trial(int number, TrialState state, Double... values) {
        return new FrozenTrial(number, number, state, List.of(values), T0.plusSeconds(number), null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(), null);
    }

    private static StudyRecord study(Map<String, Object> attrs, Direction... directions) {
        return new StudyRecord(1, "s", List.of(directions), T0, attrs);
    }

    @Test
    void aSingleObjectiveStudyNamesItsFirstBestCompleteTrial() {
        StudySummary s = StudySummary.of(study(Map.of("sampler", Map.of("type", "tpe")), Direction.MAXIMIZE),
                List.of(trial(0, TrialState.COMPLETE, 0.5), trial(1, TrialState.COMPLETE, 0.9),
                        trial(2, TrialState.COMPLETE, 0.9), trial(3, TrialState.RUNNING)));

        assertThat(s.bestValues()).containsExactly(0.9);
        assertThat(s.bestNumber()).isEqualTo(1);
        assertThat(s.paretoSize()).isEqualTo(1);
        assertThat(s.counts()).containsEntry(TrialState.COMPLETE, 3).containsEntry(TrialState.RUNNING, 1)
                .containsEntry(TrialState.FAIL, 0);
        assertThat(s.totalTrials()).isEqualTo(4);
        assertThat(s.sampler()).isEqualTo("tpe");
        assertThat(s.lastActivity()).isEqualTo(T0.plusSeconds(3));
    }

    @Test
    void aMultiObjectiveStudyCountsItsParetoFrontAndHasNoSingleBest() {
        StudySummary s = StudySummary.of(study(Map.of(), Direction.MINIMIZE, Direction.MINIMIZE),
                List.of(trial(0, TrialState.COMPLETE, 1.0, 3.0), trial(1, TrialState.COMPLETE, 3.0, 1.0),
                        trial(2, TrialState.COMPLETE, 3.0, 3.0)));

        assertThat(s.paretoSize()).isEqualTo(2);
        assertThat(s.bestValues()).isEmpty();
        assertThat(s.bestNumber()).isEqualTo(-1);
        assertThat(s.sampler()).isEmpty();
    }

    @Test
    void aStudyWithoutTrialsWasLastActiveWhenCreated() {
        StudySummary s = StudySummary.of(study(Map.of(), Direction.MINIMIZE), List.of());

        assertThat(s.lastActivity()).isEqualTo(T0);
        assertThat(s.paretoSize()).isZero();
        assertThat(s.totalTrials()).isZero();
    }

    @Test
    void theBestTrialIsTheBestFeasibleOneAndInfeasibleTrialsAreCounted() {
        StudySummary s = StudySummary.of(study(Map.of(), Direction.MAXIMIZE),
                List.of(trial(0, TrialState.COMPLETE, 0.5), ParetoSetTest.constrained(1, 0.2, 0.9),
                        ParetoSetTest.constrained(2, 0.0, 0.7), ParetoSetTest.constrained(3, 1.0, 0.99)));

        assertThat(s.bestValues()).containsExactly(0.7);
        assertThat(s.bestNumber()).isEqualTo(2);
        assertThat(s.infeasible()).isEqualTo(2);
    }

    @Test
    void aStudyWhoseCompleteTrialsAllViolateAConstraintHasNoBestAndAnEmptyFront() {
        StudySummary one = StudySummary.of(study(Map.of(), Direction.MINIMIZE), List.of(ParetoSetTest.constrained(0, 1.0, 0.1)));
        StudySummary two = StudySummary.of(study(Map.of(), Direction.MINIMIZE, Direction.MINIMIZE),
                List.of(ParetoSetTest.constrained(0, 1.0, 0.1, 0.2), ParetoSetTest.constrained(1, 0.5, 0.3, 0.1)));

        assertThat(one.bestNumber()).isEqualTo(-1);
        assertThat(one.bestValues()).isEmpty();
        assertThat(one.paretoSize()).isZero();
        assertThat(two.paretoSize()).isZero();
        assertThat(two.infeasible()).isEqualTo(2);
    }
}
