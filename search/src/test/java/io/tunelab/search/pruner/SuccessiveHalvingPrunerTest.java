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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SuccessiveHalvingPrunerTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void stopsAtLeastHalfOfOneHundredCurvesEarlyAndNeverTheBestOne(long seed) {
        Study study = LearningCurves.run("asha", new SuccessiveHalvingPruner(1, 3, 0, 0), seed, 100);

        long stoppedEarly = LearningCurves.pruned(study).stream()
                .filter(t -> t.intermediateValues().lastKey() < LearningCurves.STEPS)
                .count();
        assertThat(stoppedEarly).isGreaterThanOrEqualTo(50);
        assertThat(LearningCurves.bestFinal(study).state()).isEqualTo(TrialState.COMPLETE);
    }

    @Test
    void prunesOnlyAtRungSteps() {
        Study study = LearningCurves.run("asha-rungs", new SuccessiveHalvingPruner(1, 3, 0, 0), 7, 60);

        assertThat(LearningCurves.pruned(study))
                .isNotEmpty()
                .allSatisfy(t -> assertThat(t.intermediateValues().lastKey()).isIn(1, 3, 9, 27));
    }

    @Test
    void aDecisionNamesTheRungTheCompetitorsAndTheCutOff() {
        Study study = LearningCurves.run("asha-evidence", new SuccessiveHalvingPruner(1, 3, 0, 0), 11, 40);

        FrozenTrial pruned = LearningCurves.pruned(study).get(0);
        Map<String, Object> decision = LearningCurves.decision(pruned);
        assertThat((String) decision.get("reason"))
                .contains("rung", "cut-off", "within the best 1/3")
                .isEqualTo(pruned.message());
        assertThat((double) decision.get("value")).isGreaterThan((double) decision.get("threshold"));
    }

    @Test
    void aLoneTrialIsPromotedAndTheNextMustBeatItWhileFewerThanEtaReachedTheRung() {
        Study study = Study.builder("asha-first").pruner(new SuccessiveHalvingPruner(1, 3, 0, 0)).create();
        Trial first = study.ask();
        first.report(1, 0.5);
        assertThat(first.shouldPrune()).isFalse();
        study.tell(first, 0.5);

        Trial better = study.ask();
        better.report(1, 0.4);
        assertThat(better.shouldPrune()).isFalse();
        study.tell(better, 0.4);

        Trial worse = study.ask();
        worse.report(1, 0.45);
        assertThat(worse.shouldPrune()).isTrue();
    }

    @Test
    void judgesARungOnlyOnceWhenTheReportReachesIt() {
        List<FrozenTrial> history = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            history.add(Histories.trial(n, TrialState.COMPLETE, Map.of(1, 0.1 * (n + 1), 2, 0.1, 3, 0.1)));
        }
        FrozenTrial candidate = Histories.trial(3, TrialState.RUNNING, Map.of(1, 0.05, 2, 0.9));
        history.add(candidate);
        StudyView view = Histories.view("once", Direction.MINIMIZE, history);

        PruneDecision decision = new SuccessiveHalvingPruner(1, 3, 0, 0).evaluate(view, candidate);

        assertThat(decision.prune()).isFalse();
        assertThat(decision.reason()).contains("reached no new rung", "rung 1 is at step 3");
    }

    @Test
    void theEarlyStoppingRateMovesTheFirstRung() {
        SuccessiveHalvingPruner pruner = new SuccessiveHalvingPruner(1, 2, 2, 0);
        Study study = Study.builder("asha-rate").pruner(pruner).create();
        Trial first = study.ask();
        for (int step = 1; step <= 8; step++) {
            first.report(step, 0.1);
        }
        study.tell(first, 0.1);

        Trial worse = study.ask();
        for (int step = 1; step < 4; step++) {
            worse.report(step, 0.9);
            assertThat(worse.shouldPrune()).as("step %d is before the first rung at 4", step).isFalse();
        }
        worse.report(4, 0.9);
        assertThat(worse.shouldPrune()).isTrue();
    }

    @Test
    void aRungPromotesNobodyUntilMoreThanTheBootstrapCountReachedIt() {
        Study study = Study.builder("asha-bootstrap").pruner(new SuccessiveHalvingPruner(1, 2, 0, 2)).create();
        Trial first = study.ask();
        first.report(1, 0.1);
        assertThat(first.shouldPrune()).isTrue();
        study.tell(first.number(), TrialState.PRUNED);

        Trial second = study.ask();
        second.report(1, 0.1);
        assertThat(second.shouldPrune()).isTrue();
        study.tell(second.number(), TrialState.PRUNED);

        Trial third = study.ask();
        third.report(1, 0.05);
        assertThat(third.shouldPrune()).isFalse();
    }

    @Test
    void prunesANanValueAndCountsOthersNanAsTheWorst() {
        List<FrozenTrial> history = new ArrayList<>();
        history.add(Histories.trial(0, TrialState.COMPLETE, Map.of(1, Double.NaN)));
        FrozenTrial finite = Histories.trial(1, TrialState.RUNNING, Map.of(1, 100.0));
        FrozenTrial nan = Histories.trial(2, TrialState.RUNNING, Map.of(1, Double.NaN));
        SuccessiveHalvingPruner pruner = new SuccessiveHalvingPruner(1, 2, 0, 0);

        assertThat(pruner.evaluate(Histories.view("nan", Direction.MINIMIZE, List.of(history.get(0), finite)), finite)
                .prune()).isFalse();
        assertThat(pruner.evaluate(Histories.view("nan", Direction.MINIMIZE, List.of(history.get(0), nan)), nan)
                .prune()).isTrue();
    }

    @Test
    void followsTheStudyDirectionWhenMaximising() {
        List<FrozenTrial> history = List.of(
                Histories.trial(0, TrialState.COMPLETE, Map.of(1, 0.9)),
                Histories.trial(1, TrialState.RUNNING, Map.of(1, 0.5)));
        StudyView view = Histories.view("max", Direction.MAXIMIZE, history);

        PruneDecision decision = new SuccessiveHalvingPruner(1, 2, 0, 0).evaluate(view, history.get(1));

        assertThat(decision.prune()).isTrue();
        assertThat(decision.threshold()).isEqualTo(0.9);
    }

    @Test
    void estimatesTheMinimumResourceFromTheFirstCompletedTrial() {
        SuccessiveHalvingPruner pruner = SuccessiveHalvingPruner.autoMinResource(2, 0);
        FrozenTrial running = Histories.trial(1, TrialState.RUNNING, Map.of(3, 9.0));
        assertThat(pruner.evaluate(Histories.view("auto", Direction.MINIMIZE, List.of(running)), running).reason())
                .contains("none has completed");

        Map<Integer, Double> long300 = new java.util.TreeMap<>();
        for (int step = 0; step < 300; step++) {
            long300.put(step, 1.0);
        }
        FrozenTrial done = Histories.trial(0, TrialState.COMPLETE, long300);
        StudyView view = Histories.view("auto", Direction.MINIMIZE, List.of(done, running));

        assertThat(pruner.minResource(view)).isEqualTo(2);
        assertThat(pruner.evaluate(view, running).prune()).isTrue();
        assertThat(pruner.describe()).containsEntry("min_resource", "auto");
    }

    @Test
    void estimatesTheMinimumResourceFromTheLongestCompletedTrialNotTheLowestNumbered() {
        FrozenTrial short50 = Histories.trial(0, TrialState.COMPLETE, constant(50));
        FrozenTrial long400 = Histories.trial(1, TrialState.COMPLETE, constant(400));
        StudyView view = Histories.view("auto", Direction.MINIMIZE, List.of(short50, long400));

        // Optuna: max(last_step) // 100 = 399 // 100 = 3, not max(1, 49 // 100) = 1
        assertThat(SuccessiveHalvingPruner.autoMinResource(2, 0).minResource(view)).isEqualTo(3);
    }

    private static Map<Integer, Double> constant(int steps) {
        Map<Integer, Double> curve = new java.util.TreeMap<>();
        for (int step = 0; step < steps; step++) {
            curve.put(step, 1.0);
        }
        return curve;
    }

    @Test
    void rejectsOptionsOutOfRangeNamingThem() {
        assertThatThrownBy(() -> new SuccessiveHalvingPruner(0, 3, 0, 0)).hasMessageContaining("minResource");
        assertThatThrownBy(() -> new SuccessiveHalvingPruner(1, 1, 0, 0))
                .hasMessageContaining("reductionFactor must be at least 2, got 1");
        assertThatThrownBy(() -> new SuccessiveHalvingPruner(1, 3, -1, 0)).hasMessageContaining("minEarlyStoppingRate");
        assertThatThrownBy(() -> new SuccessiveHalvingPruner(1, 3, 0, -2)).hasMessageContaining("bootstrapCount");
    }
}
