package io.tunelab.tracker.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.ParetoFront;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ParetoSetTest {

    static FrozenTrial trial(int number, TrialState state, Double... values) {
        return new FrozenTrial(number, number, state, List.of(values), null, null, Map.of(), Map.of(), new TreeMap<>(),
                Map.of(), Map.of(), null);
    }

    @Test
    void agreesWithThePairwiseDefinitionOnRandomThreeObjectiveTrials() {
        SplittableRandom random = new SplittableRandom(5);
        List<Direction> directions = List.of(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE);
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            trials.add(trial(i, TrialState.COMPLETE, (double) random.nextInt(20), (double) random.nextInt(20), random.nextDouble()));
        }
        assertThat(ParetoSet.of(trials, directions)).containsExactlyElementsOf(ParetoFront.of(trials, directions));
    }

    @Test
    void onlyCompleteTrialsCountAndEqualPointsShareTheFront() {
        List<Direction> two = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        List<FrozenTrial> trials = List.of(trial(0, TrialState.COMPLETE, 1.0, 1.0), trial(1, TrialState.COMPLETE, 1.0, 1.0),
                trial(2, TrialState.COMPLETE, 2.0, 2.0), trial(3, TrialState.PRUNED));
        assertThat(ParetoSet.of(trials, two)).extracting(FrozenTrial::number).containsExactly(0, 1);
    }

    static FrozenTrial constrained(int number, double constraint, Double... values) {
        return new FrozenTrial(number, number, TrialState.COMPLETE, List.of(values), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(Constraints.USER_ATTR, List.of(constraint)), Map.of(), null);
    }

    @Test
    void infeasibleTrialsAreNotOnTheFrontAndDominateNothing() {
        List<Direction> two = List.of(Direction.MINIMIZE, Direction.MINIMIZE);
        List<FrozenTrial> trials = List.of(constrained(0, 0.1, 0.0, 0.0), constrained(1, 0.0, 1.0, 5.0),
                trial(2, TrialState.COMPLETE, 2.0, 2.0), constrained(3, -2.0, 5.0, 1.0), constrained(4, 0.0, 3.0, 3.0));
        assertThat(ParetoSet.of(trials, two)).extracting(FrozenTrial::number).containsExactly(1, 2, 3);
    }
}
