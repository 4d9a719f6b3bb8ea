package io.tunelab.search.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Histories;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HyperbandPrunerTest {
    private static final StudyView EMPTY = Histories.view("hb", Direction.MINIMIZE, List.of());

    @Test
    void hasOneBracketPerPowerOfTheReductionFactorBetweenTheResources() {
        assertThat(new HyperbandPruner(1, 27, 3).bracketCount(EMPTY)).hasValue(4);
        assertThat(new HyperbandPruner(1, 26, 3).bracketCount(EMPTY)).hasValue(3);
        assertThat(new HyperbandPruner(2, 2, 3).bracketCount(EMPTY)).hasValue(1);
        assertThat(new HyperbandPruner(1, 243, 3).bracketCount(EMPTY)).hasValue(6);
    }

    @Test
    void assignsTrialsToBracketsInProportionToTheirBudgets() {
        HyperbandPruner pruner = new HyperbandPruner(1, 27, 3);
        int[] counts = new int[4];
        IntStream.range(0, 4900).forEach(n -> counts[pruner.bracketOf(EMPTY, n).orElseThrow()]++);

        double[] budgets = {27, 12, 6, 4};
        for (int b = 0; b < 4; b++) {
            assertThat(counts[b] / 4900.0).as("share of bracket %d", b).isCloseTo(budgets[b] / 49, within(0.03));
        }
        assertThat(pruner.bracketOf(EMPTY, 17)).isEqualTo(pruner.bracketOf(EMPTY, 17));
    }

    @Test
    void prunesCurvesInSeveralBracketsEachAtItsOwnRungs() {
        HyperbandPruner pruner = new HyperbandPruner(1, LearningCurves.STEPS, 3);
        Study study = LearningCurves.run("hyperband", pruner, 5, 100);

        List<FrozenTrial> pruned = LearningCurves.pruned(study);
        assertThat(pruned).hasSizeGreaterThanOrEqualTo(50);
        Set<Integer> brackets = new HashSet<>();
        for (FrozenTrial t : pruned) {
            int bracket = pruner.bracketOf(study, t.number()).orElseThrow();
            brackets.add(bracket);
            int step = t.intermediateValues().lastKey();
            assertThat(t.message()).startsWith("bracket " + bracket + " of 4: ");
            assertThat(List.of(1, 3, 9, 27).subList(bracket, 4)).as("rungs of bracket %d", bracket).contains(step);
        }
        assertThat(brackets).hasSizeGreaterThanOrEqualTo(3);
        assertThat(LearningCurves.bestFinal(study).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void aBracketJudgesATrialOnlyAgainstTrialsOfTheSameBracket() {
        HyperbandPruner pruner = new HyperbandPruner(1, 27, 3);
        int[] bracketZero = IntStream.range(0, 200).filter(n -> pruner.bracketOf(EMPTY, n).orElseThrow() == 0)
                .limit(2).toArray();
        int other = IntStream.range(0, 200).filter(n -> pruner.bracketOf(EMPTY, n).orElseThrow() != 0)
                .findFirst().orElseThrow();
        FrozenTrial candidate = Histories.trial(bracketZero[1], TrialState.RUNNING, Map.of(1, 0.5));
        FrozenTrial sameBracket = Histories.trial(bracketZero[0], TrialState.COMPLETE, Map.of(1, 0.01));
        FrozenTrial otherBracket = Histories.trial(other, TrialState.COMPLETE, Map.of(1, 0.01));

        PruneDecision alone = pruner.evaluate(
                Histories.view("hb", Direction.MINIMIZE, List.of(otherBracket, candidate)), candidate);
        PruneDecision challenged = pruner.evaluate(
                Histories.view("hb", Direction.MINIMIZE, List.of(sameBracket, candidate)), candidate);

        assertThat(alone.prune()).isFalse();
        assertThat(challenged.prune()).isTrue();
        assertThat(challenged.reason()).startsWith("bracket 0 of 4: ").contains("rung 0", "cut-off 0.01");
    }

    @Test
    void estimatesTheMaximumResourceFromACompletedTrial() {
        HyperbandPruner pruner = new HyperbandPruner();
        FrozenTrial running = Histories.trial(1, TrialState.RUNNING, Map.of(1, 0.5));
        StudyView before = Histories.view("hb", Direction.MINIMIZE, List.of(running));
        assertThat(pruner.evaluate(before, running).reason()).contains("none has completed");
        assertThat(pruner.bracketCount(before)).isEmpty();

        Map<Integer, Double> curve = new TreeMap<>();
        IntStream.range(0, 27).forEach(step -> curve.put(step, 0.1));
        StudyView after = Histories.view("hb", Direction.MINIMIZE,
                List.of(Histories.trial(0, TrialState.COMPLETE, curve), running));

        assertThat(pruner.bracketCount(after)).hasValue(4);
        assertThat(pruner.describe()).containsEntry("max_resource", "auto").containsEntry("reduction_factor", 3);
    }

    @Test
    void estimatesTheMaximumResourceFromTheLongestCompletedTrialNotTheLowestNumbered() {
        FrozenTrial short3 = Histories.trial(0, TrialState.COMPLETE, curve(3));
        FrozenTrial long27 = Histories.trial(1, TrialState.COMPLETE, curve(27));
        FrozenTrial running = Histories.trial(2, TrialState.RUNNING, Map.of(1, 0.5));
        StudyView study = Histories.view("hb", Direction.MINIMIZE, List.of(short3, long27, running));

        // Optuna: max_resource = max(last_step) + 1 = 27 over 1..3^3, so four brackets; 3 steps would give two
        assertThat(new HyperbandPruner().bracketCount(study)).hasValue(4);
    }

    private static Map<Integer, Double> curve(int steps) {
        Map<Integer, Double> curve = new TreeMap<>();
        IntStream.range(0, steps).forEach(step -> curve.put(step, 0.1));
        return curve;
    }

    @Test
    void rejectsOptionsOutOfRangeNamingThem() {
        assertThatThrownBy(() -> new HyperbandPruner(0, 27, 3)).hasMessageContaining("minResource");
        assertThatThrownBy(() -> new HyperbandPruner(9, 3, 3)).hasMessage("maxResource must be at least minResource (9), got 3");
        assertThatThrownBy(() -> new HyperbandPruner(1, 27, 1)).hasMessageContaining("reductionFactor");
        assertThatThrownBy(() -> new HyperbandPruner(1, 27, 3, -1)).hasMessageContaining("bootstrapCount");
    }
}
