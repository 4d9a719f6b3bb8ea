package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.wiring.DjlTrainers;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudyFileObjectiveTest {

    private static FrozenTrial runOnce(StudyFileObjective objective, Direction... directions) {
        Study study = Study.builder("m").directions(directions).create();
        study.optimizeMulti(objective, OptimizeOptions.trials(1));
        return study.trials().get(0);
    }

    @Test
    void aLaterObjectiveIsItsMetricAtTheEpochWhoseValueTheTrainerReturned() {
        StudyFileObjective objective = new StudyFileObjective(trial -> {
            trial.log("val_loss", 0, 0.9);
            trial.log("epoch_time", 0, 3.0);
            trial.log("val_loss", 1, 0.5);
            trial.log("epoch_time", 1, 4.0);
            trial.log("val_loss", 2, 0.6);
            trial.log("epoch_time", 2, 5.0);
            trial.setUserAttr(ReportedValues.VALUE_EPOCH, 1);
            return 0.5;
        }, List.of("val_loss", "epoch_time"));

        FrozenTrial t = runOnce(objective, Direction.MINIMIZE, Direction.MINIMIZE);

        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.values()).containsExactly(0.5, 4.0);
    }

    @Test
    void oneMetricIsTheTrainersValueAlone() {
        StudyFileObjective objective = new StudyFileObjective(trial -> {
            trial.log("val_accuracy", 0, 0.1);
            return 0.8;
        }, List.of("val_accuracy"));

        assertThat(runOnce(objective, Direction.MAXIMIZE).values()).containsExactly(0.8);
    }

    @Test
    void aLaterMetricTheTrialNeverReportedFailsTheTrialNamingWhatItReported() {
        StudyFileObjective objective = new StudyFileObjective(trial -> {
            trial.log("loss", 0, 1);
            return 0.5;
        }, List.of("accuracy", "latency"));

        FrozenTrial t = runOnce(objective, Direction.MAXIMIZE, Direction.MINIMIZE);

        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.message()).contains("metric[1]: the trial reported no metric or numeric user attribute 'latency';"
                + " expected one of loss");
    }

    private static StudySpec spec(String trainer, String data, String metrics) {
        return new StudySpecParser().parse("""
                study: s
                direction: [maximize, minimize]
                metric: %s
                trainer: %s
                data: %s
                budget: {trials: 2}
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                """.formatted(metrics, trainer, data), "s.yaml");
    }

    @Test
    void theCheckBeforeTheRunNamesALaterMetricTheTrainerDoesNotReportWithTheClosestOne() {
        StudySpec djl = spec("djl-mlp", "{dataset: fashion-mnist}", "[val_accuracy, epoch_tme]");

        assertThatThrownBy(() -> StudyFileObjective.check(djl, new DjlTrainers())).isInstanceOf(CliException.class)
                .hasMessageStartingWith("metric[1]: djl-mlp trials report no metric or numeric user attribute 'epoch_tme'")
                .hasMessageContaining("val_loss").hasMessageEndingWith("(did you mean 'epoch_time'?)");
    }

    @Test
    void theCheckAcceptsWhatTheTrainersReport() {
        StudyFileObjective.check(spec("djl-mlp", "{dataset: fashion-mnist}", "[val_accuracy, epoch_time]"), new DjlTrainers());
        StudyFileObjective.check(spec("tribuo-cart", "{dataset: synthetic-classification}", "[accuracy, cv_std]"),
                new TribuoTrainers());
    }
}
