package io.tunelab.dashboard.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BestSoFarTest {
    private static FrozenTrial trial(int number, TrialState state, List<Double> values, boolean feasible) {
        Map<String, Object> user = feasible ? Map.of() : Map.of(Constraints.USER_ATTR, Constraints.asAttribute(1.0));
        return new FrozenTrial(number, number, state, values, null, null, Map.of(), Map.of(), new TreeMap<>(), user, Map.of(), null);
    }

    /** 0: 5, 1: FAIL, 2: 3, 3: 4, 4: infeasible 1, 5: PRUNED 0, 6: NaN, 7: 7, 8: 2, 9: 6. */
    private static final List<FrozenTrial> STUDY = List.of(
            trial(0, TrialState.COMPLETE, List.of(5.0), true),
            trial(1, TrialState.FAIL, List.of(), true),
            trial(2, TrialState.COMPLETE, List.of(3.0), true),
            trial(3, TrialState.COMPLETE, List.of(4.0), true),
            trial(4, TrialState.COMPLETE, List.of(1.0), false),
            trial(5, TrialState.PRUNED, List.of(0.0), true),
            trial(6, TrialState.COMPLETE, List.of(Double.NaN), true),
            trial(7, TrialState.COMPLETE, List.of(7.0), true),
            trial(8, TrialState.COMPLETE, List.of(2.0), true),
            trial(9, TrialState.COMPLETE, List.of(6.0), true));

    @Test
    void minimisingStepsDownAtEachImprovementAndEndsAtTheLastCountedTrial() {
        assertThat(BestSoFar.of(STUDY, 0, Direction.MINIMIZE)).containsExactly(
                List.of(0, 5.0), List.of(2, 3.0), List.of(8, 2.0), List.of(9, 2.0));
    }

    @Test
    void maximisingStepsUpAndSkipsFailedPrunedInfeasibleAndNonFiniteTrials() {
        assertThat(BestSoFar.of(STUDY, 0, Direction.MAXIMIZE)).containsExactly(List.of(0, 5.0), List.of(7, 7.0), List.of(9, 7.0));
    }

    @Test
    void readsTheObjectiveAskedForAndIsEmptyWithoutACountedTrial() {
        List<FrozenTrial> two = new ArrayList<>();
        two.add(trial(0, TrialState.COMPLETE, List.of(1.0, 9.0), true));
        two.add(trial(1, TrialState.COMPLETE, List.of(2.0, 8.0), true));
        assertThat(BestSoFar.of(two, 1, Direction.MINIMIZE)).containsExactly(List.of(0, 9.0), List.of(1, 8.0));
        assertThat(BestSoFar.of(List.of(trial(0, TrialState.FAIL, List.of(), true)), 0, Direction.MINIMIZE)).isEmpty();
    }
}
