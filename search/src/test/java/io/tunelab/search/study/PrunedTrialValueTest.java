package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import org.junit.jupiter.api.Test;

/** A PRUNED trial's value is its last reported intermediate value, as in Optuna; it never counts as COMPLETE. */
class PrunedTrialValueTest {

    @Test
    void aTrialPrunedByItsObjectiveKeepsItsLastReportedValue() {
        Study study = Study.builder("s").create();
        study.optimize(t -> {
            t.report(0, 0.9);
            t.report(3, 0.4);
            throw new TrialPrunedException();
        }, OptimizeOptions.trials(1).withParallelism(1));

        FrozenTrial pruned = study.trials().get(0);
        assertThat(pruned.state()).isEqualTo(TrialState.PRUNED);
        assertThat(pruned.values()).containsExactly(0.4);
    }

    @Test
    void aTrialToldPrunedKeepsItsLastReportedValueAndTellingItAgainIsANoOp() {
        Study study = Study.builder("s").create();
        Trial trial = study.ask();
        trial.report(2, 0.7);

        assertThat(study.tell(trial.number(), TrialState.PRUNED).values()).containsExactly(0.7);
        assertThat(study.tell(trial.number(), TrialState.PRUNED).values()).containsExactly(0.7);
    }

    @Test
    void aTrialPrunedBeforeReportingOrAfterReportingNaNHasNoValue() {
        Study study = Study.builder("s").create();
        Trial silent = study.ask();
        assertThat(study.tell(silent.number(), TrialState.PRUNED).values()).isEmpty();
        Trial nan = study.ask();
        nan.report(0, Double.NaN);
        assertThat(study.tell(nan.number(), TrialState.PRUNED).values()).isEmpty();
    }

    @Test
    void aPrunedTrialWithABetterValueIsNeverTheBestTrial() {
        Study study = Study.builder("s").direction(Direction.MINIMIZE).create();
        Trial pruned = study.ask();
        pruned.report(0, -100);
        study.tell(pruned.number(), TrialState.PRUNED);
        Trial complete = study.ask();
        study.tell(complete, 5.0);

        assertThat(study.bestTrial().number()).isEqualTo(complete.number());
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(complete.number());
    }
}
