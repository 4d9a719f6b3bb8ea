package io.tunelab.search.pruner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Histories;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PercentilePrunerTest {

    /**
     * Five COMPLETE trials with values 0.1..0.5 at every step 0..4, a PRUNED trial with 0.05 at every step
     * (which must not count, as in Optuna), then {@code candidate}.
     */
    private static StudyView history(Direction direction, FrozenTrial candidate) {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int n = 0; n < 6; n++) {
            Map<Integer, Double> curve = new TreeMap<>();
            for (int step = 0; step < 5; step++) {
                curve.put(step, n == 5 ? 0.05 : 0.1 * (n + 1));
            }
            trials.add(Histories.trial(n, n == 5 ? TrialState.PRUNED : TrialState.COMPLETE, curve));
        }
        trials.add(candidate);
        return Histories.view("percentile", direction, trials);
    }

    private static FrozenTrial running(Map<Integer, Double> curve) {
        return Histories.trial(6, TrialState.RUNNING, curve);
    }

    @Test
    void prunesABestValueWorseThanThePercentileOfOtherTrialsAtTheSameStep() {
        FrozenTrial candidate = running(Map.of(0, 0.45, 1, 0.35));

        PruneDecision decision = new PercentilePruner(25, 0, 0, 1, 1).evaluate(history(Direction.MINIMIZE, candidate),
                candidate);

        assertThat(decision.prune()).isTrue();
        assertThat(decision.step()).isEqualTo(1);
        assertThat(decision.value()).isEqualTo(0.35);
        assertThat(decision.threshold()).isCloseTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(decision.reason()).isEqualTo(
                "best value 0.35 up to step 1 is worse than the top-25% cut-off 0.2 of 5 trials at that step");
    }

    @Test
    void countsThePercentileFromTheBestWhenMaximising() {
        FrozenTrial candidate = running(Map.of(0, 0.35));

        PruneDecision decision = new PercentilePruner(25, 0, 0, 1, 1).evaluate(history(Direction.MAXIMIZE, candidate),
                candidate);

        assertThat(decision.prune()).isTrue();
        assertThat(decision.threshold()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void keepsAValueAtTheMedianAndSaysWhy() {
        FrozenTrial candidate = running(Map.of(0, 0.3));

        PruneDecision decision = new MedianPruner(0, 0, 1, 1).evaluate(history(Direction.MINIMIZE, candidate), candidate);

        assertThat(decision.prune()).isFalse();
        assertThat(decision.reason()).isEqualTo(
                "best value 0.3 up to step 0 is not worse than the median 0.3 of 5 trials at that step");
    }

    @Test
    void judgesTheBestValueSoFarNotTheLatest() {
        FrozenTrial candidate = running(Map.of(0, 0.1, 1, 0.9));

        assertThat(new MedianPruner(0, 0, 1, 1).evaluate(history(Direction.MINIMIZE, candidate), candidate).prune())
                .isFalse();
    }

    @Test
    void warmUpStepsCountFromStepZeroAsInOptunaOrFromTheFirstStepGiven() {
        FrozenTrial firstOfZeroBased = running(Map.of(0, 9.0));
        FrozenTrial secondOfZeroBased = running(Map.of(0, 9.0, 1, 9.0));
        FrozenTrial firstEpochOfOneBased = running(Map.of(1, 9.0));
        MedianPruner oneWarmUpStep = new MedianPruner(0, 1, 1, 1);

        assertThat(oneWarmUpStep.evaluate(history(Direction.MINIMIZE, firstOfZeroBased), firstOfZeroBased).prune()).isFalse();
        assertThat(oneWarmUpStep.evaluate(history(Direction.MINIMIZE, secondOfZeroBased), secondOfZeroBased).prune()).isTrue();
        assertThat(oneWarmUpStep.evaluate(history(Direction.MINIMIZE, firstEpochOfOneBased), firstEpochOfOneBased).prune())
                .as("Optuna's rule: step 1 is past one warm-up step from 0").isTrue();
        assertThat(oneWarmUpStep.withFirstStep(1).evaluate(history(Direction.MINIMIZE, firstEpochOfOneBased),
                firstEpochOfOneBased).reason()).isEqualTo("step 1 is within the 1 warm-up steps from step 1");
        assertThat(new PercentilePruner(50, 0, 1, 2, 1).withFirstStep(1).evaluate(history(Direction.MINIMIZE,
                running(Map.of(1, 9.0, 2, 9.0, 3, 9.0))), running(Map.of(1, 9.0, 2, 9.0, 3, 9.0))).reason())
                .isEqualTo("step 3 is not a pruning step (every 2 steps from step 2, and step 2 was already judged)");
    }

    static Stream<Arguments> rulesThatHoldATrialBack() {
        return Stream.of(
                Arguments.of(new MedianPruner(6, 0, 1, 1), Map.of(0, 9.0),
                        "only 5 of the 6 startup trials have completed"),
                Arguments.of(new MedianPruner(0, 3, 1, 1), Map.of(0, 9.0, 1, 9.0, 2, 9.0),
                        "step 2 is within the 3 warm-up steps"),
                Arguments.of(new MedianPruner(0, 1, 2, 1), Map.of(0, 9.0, 1, 9.0, 3, 9.0, 4, 9.0),
                        "step 4 is not a pruning step (every 2 steps from step 1, and step 3 was already judged)"),
                Arguments.of(new MedianPruner(0, 0, 1, 1), Map.of(7, 9.0), "only 0 trials reported step 7, 1 needed"),
                Arguments.of(new MedianPruner(0, 0, 1, 6), Map.of(0, 9.0), "only 5 trials reported step 0, 6 needed"),
                Arguments.of(new MedianPruner(0, 0, 1, 1), Map.of(), "no value reported yet"));
    }

    @ParameterizedTest
    @MethodSource("rulesThatHoldATrialBack")
    void keepsAnyTrialWhileARuleHoldsItBackAndSaysWhich(MedianPruner pruner, Map<Integer, Double> curve,
                                                         String reason) {
        FrozenTrial candidate = running(curve);

        PruneDecision decision = pruner.evaluate(history(Direction.MINIMIZE, candidate), candidate);

        assertThat(decision.prune()).isFalse();
        assertThat(decision.reason()).isEqualTo(reason);
    }

    @Test
    void prunesOnceTheWarmUpIsOverAndAtTheFirstReportAfterEachPruningStep() {
        FrozenTrial afterWarmUp = running(Map.of(0, 9.0, 1, 9.0, 2, 9.0, 3, 9.0));
        FrozenTrial atPruningStep = running(Map.of(0, 9.0, 1, 9.0, 3, 9.0));

        assertThat(new MedianPruner(0, 3, 1, 1).evaluate(history(Direction.MINIMIZE, afterWarmUp), afterWarmUp)
                .prune()).isTrue();
        assertThat(new MedianPruner(0, 1, 2, 1).evaluate(history(Direction.MINIMIZE, atPruningStep), atPruningStep)
                .prune()).isTrue();
    }

    @Test
    void prunesATrialWhoseEveryValueIsNanAndCountsOthersNanAsTheWorst() {
        FrozenTrial nan = running(Map.of(0, Double.NaN));
        assertThat(new MedianPruner(0, 0, 1, 1).evaluate(history(Direction.MINIMIZE, nan), nan).prune()).isTrue();

        List<FrozenTrial> trials = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            trials.add(Histories.trial(n, TrialState.COMPLETE, Map.of(0, n == 0 ? 1.0 : Double.NaN)));
        }
        FrozenTrial candidate = Histories.trial(3, TrialState.RUNNING, Map.of(0, 5.0));
        trials.add(candidate);
        PruneDecision decision = new MedianPruner(0, 0, 1, 1)
                .evaluate(Histories.view("nan", Direction.MINIMIZE, trials), candidate);
        assertThat(decision.prune()).isFalse();
        assertThat(decision.threshold()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void inAStudyRespectsStartupAndWarmUpAndRecordsTheMedianOfEarlierTrials() {
        Study study = LearningCurves.run("median", new MedianPruner(5, 4, 1, 1), 3, 60);

        List<FrozenTrial> all = study.trials();
        assertThat(all.subList(0, 5)).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        List<FrozenTrial> pruned = LearningCurves.pruned(study);
        assertThat(pruned).hasSizeGreaterThan(20);
        for (FrozenTrial t : pruned) {
            Map<String, Object> decision = LearningCurves.decision(t);
            int step = (Integer) decision.get("step");
            assertThat(step).isGreaterThanOrEqualTo(4).isEqualTo(t.intermediateValues().lastKey());
            double[] earlier = all.subList(0, t.number()).stream()
                    .filter(o -> o.state() == TrialState.COMPLETE && o.intermediateValues().containsKey(step))
                    .mapToDouble(o -> o.intermediateValues().get(step))
                    .sorted()
                    .toArray();
            assertThat((double) decision.get("threshold")).isEqualTo(PercentilePruner.percentileOf(earlier, 50));
            assertThat(t.message()).contains("median", "of " + earlier.length + " trials");
        }
    }

    @Test
    void takesTheMedianOfCompleteTrialsOnlySoPrunedTrialsDoNotSoftenPruning() {
        Study study = Study.builder("median-of-complete").pruner(new MedianPruner()).create();
        double[] values = {1, 2, 3, 4, 5, 100, 100, 100, 100, 100, 50};
        List<Boolean> decisions = new ArrayList<>();
        for (double v : values) {
            Trial t = study.ask();
            t.report(0, v);
            boolean prune = t.shouldPrune();
            decisions.add(prune);
            if (!prune && t.number() < 5) {
                study.tell(t, v);
            } else {
                study.tell(t.number(), TrialState.PRUNED);
            }
        }

        assertThat(decisions.subList(5, 11)).containsOnly(true);
        assertThat(LearningCurves.decision(study.trials().get(10)).get("reason"))
                .isEqualTo("best value 50 up to step 0 is worse than the median 3 of 5 trials at that step");
    }

    @Test
    void interpolatesPercentilesLinearlyBetweenRanks() {
        double[] sorted = {1, 2, 3, 4};
        assertThat(PercentilePruner.percentileOf(sorted, 50)).isEqualTo(2.5);
        assertThat(PercentilePruner.percentileOf(sorted, 0)).isEqualTo(1);
        assertThat(PercentilePruner.percentileOf(sorted, 100)).isEqualTo(4);
        assertThat(PercentilePruner.percentileOf(new double[] {1, Double.POSITIVE_INFINITY}, 0)).isEqualTo(1);
    }

    @Test
    void rejectsOptionsOutOfRangeNamingThem() {
        assertThatThrownBy(() -> PercentilePruner.of(101)).hasMessage("percentile must be in [0, 100], got 101.0");
        assertThatThrownBy(() -> PercentilePruner.of(Double.NaN)).hasMessageContaining("got NaN");
        assertThatThrownBy(() -> new MedianPruner(-1, 0, 1, 1))
                .hasMessage("startupTrials must be at least 0, got -1");
        assertThatThrownBy(() -> new MedianPruner().withWarmupSteps(-3)).hasMessageContaining("warmupSteps");
        assertThatThrownBy(() -> new MedianPruner().withIntervalSteps(0)).hasMessageContaining("intervalSteps");
        assertThatThrownBy(() -> PercentilePruner.of(10).withMinTrials(0)).hasMessageContaining("minTrials");
    }

    @Test
    void describesItsConfiguration() {
        assertThat(PercentilePruner.of(25).withWarmupSteps(2).describe())
                .containsEntry("type", "percentile").containsEntry("percentile", 25.0).containsEntry("warmup_steps", 2)
                .containsEntry("first_step", 0);
        assertThat(new MedianPruner().describe()).containsEntry("type", "median").containsEntry("startup_trials", 5);
    }
}
