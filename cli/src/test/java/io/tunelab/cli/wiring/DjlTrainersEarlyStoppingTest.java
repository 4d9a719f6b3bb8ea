package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.trainers.tabular.Task;
import org.junit.jupiter.api.Test;

/** The fit section's early stopping reaches the training as Keras's {@code EarlyStopping} arguments would. */
class DjlTrainersEarlyStoppingTest {

    private static StudySpec spec(String metric, String earlyStopping) {
        return new StudySpecParser().parse("""
                study: s
                direction: %s
                metric: %s
                budget: {trials: 2}
                trainer: djl-mlp
                data: fashion-mnist
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                fit: {epochs: 5, early_stopping: %s}
                """.formatted(metric.contains("loss") ? "minimize" : "maximize", metric, earlyStopping), "s.yaml");
    }

    @Test
    void restoreBestFalseKeepsTheLastEpochAndTheDefaultRestoresTheBest() {
        DjlObjectiveConfig last = DjlTrainers.config(spec("val_accuracy", "{patience: 2, restore_best: false}"), Task.CLASSIFICATION);
        DjlObjectiveConfig best = DjlTrainers.config(spec("val_accuracy", "{patience: 2}"), Task.CLASSIFICATION);

        assertThat(last.restoreBest()).isFalse();
        assertThat(best.restoreBest()).isTrue();
    }

    @Test
    void aMonitorOfItsOwnStopsOnThatMetricWhileTheTrialStillReturnsTheStudysMetric() {
        DjlObjectiveConfig config = DjlTrainers.config(spec("val_accuracy", "{patience: 2, monitor: val_loss}"), Task.CLASSIFICATION);
        DjlObjectiveConfig own = DjlTrainers.config(spec("val_accuracy", "{patience: 2}"), Task.CLASSIFICATION);

        assertThat(config.monitor()).isEqualTo(Monitor.of("val_accuracy"));
        assertThat(config.stopping()).isEqualTo(Monitor.of("val_loss"));
        assertThat(own.stopping()).isEqualTo(Monitor.of("val_accuracy"));
    }

    @Test
    void aMonitorTheTrainersDoNotLogOrOfAnotherTaskIsRefusedByTheDryRun() {
        StudySpec spec = spec("val_accuracy", "{patience: 2, monitor: val_acc}");

        assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("fit.early_stopping.monitor: unknown metric 'val_acc' to monitor, expected one of [loss,"
                        + " accuracy, val_loss, val_accuracy");
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("val_accuracy", "{patience: 2, monitor: val_rmse}")))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("fit.early_stopping.monitor: 'val_rmse' does not fit classification data");
    }
}
