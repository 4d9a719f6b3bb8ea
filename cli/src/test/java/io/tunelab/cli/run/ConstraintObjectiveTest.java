package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.DjlTrainers;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.ConstraintSpec;
import io.tunelab.spec.ConstraintSpec.Bound;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintObjectiveTest {

    private static FrozenTrial runOnce(Objective objective, List<ConstraintSpec> constraints) {
        Study study = Study.builder("c").direction(Direction.MAXIMIZE).create();
        study.optimize(new ConstraintObjective(objective, constraints, "accuracy"), 1);
        return study.trials().get(0);
    }

    @Test
    void aLoggedMetricCountsAtItsLastStepWhateverTheOrderOfLogging() throws Exception {
        FrozenTrial t = runOnce(trial -> {
            trial.log("gap", 2, 0.3);
            trial.log("gap", 1, 9.0);
            return 0.5;
        }, List.of(ConstraintSpec.atMostZero("gap")));

        assertThat(Constraints.of(t)).containsExactly(0.3);
    }

    @Test
    void aLoggedMetricCountsAtTheEpochTheTrialKeepsWhenTheTrainerNamesOne() {
        FrozenTrial t = runOnce(trial -> {
            trial.log("val_loss", 0, 0.9);
            trial.log("val_loss", 1, 0.4);
            trial.log("val_loss", 2, 0.7);
            trial.setUserAttr(ReportedValues.VALUE_EPOCH, 1);
            return 0.5;
        }, List.of(new ConstraintSpec("val_loss", Bound.AT_MOST, 0.5)));

        assertThat(Constraints.of(t)).containsExactly(0.4 - 0.5);
    }

    @Test
    void aNumericUserAttributeWinsOverALoggedSeriesAndTheStudyMetricFallsBackToTheObjectiveValue() {
        FrozenTrial t = runOnce(trial -> {
            trial.log("cv_std", 0, 0.5);
            trial.setUserAttr("cv_std", 0.02);
            return 0.75;
        }, List.of(new ConstraintSpec("cv_std", Bound.AT_MOST, 0.05), new ConstraintSpec("accuracy", Bound.AT_LEAST, 0.8)));

        assertThat(Constraints.of(t)).containsExactly(0.02 - 0.05, 0.8 - 0.75);
        assertThat(Constraints.isFeasible(t)).isFalse();
    }

    @Test
    void aConstraintNothingReportedFailsTheTrialNamingWhatWasReported() {
        FrozenTrial t = runOnce(trial -> {
            trial.log("loss", 0, 1);
            trial.setUserAttr("note", "text attributes are not metrics");
            return 0.5;
        }, List.of(ConstraintSpec.atMostZero("latency")));

        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.message()).contains("constraints[0]: the trial reported no metric or numeric user attribute"
                + " 'latency'; expected one of loss");
    }

    @Test
    void theCheckBeforeTheRunNamesTheClosestMetricADjlTrainerReports() {
        StudySpec spec = new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                trainer: djl-mlp
                data: {dataset: fashion-mnist}
                budget: {trials: 2}
                space:
                  lr: {reciprocal: [1e-4, 1e-1]}
                constraints: ['epochs_run <= 5', 'val_accuarcy >= 0.8']
                """, "s.yaml");

        assertThatThrownBy(() -> ConstraintObjective.check(spec, new DjlTrainers())).isInstanceOf(CliException.class)
                .hasMessageStartingWith("constraints[1]: djl-mlp trials report no metric or numeric user attribute 'val_accuarcy';")
                .hasMessageContaining("val_loss").hasMessageEndingWith("(did you mean 'val_accuracy'?)");
    }
}
