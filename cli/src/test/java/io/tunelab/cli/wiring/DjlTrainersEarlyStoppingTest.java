package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.djl.train.DjlObjectiveConfig;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void withoutEarlyStoppingATrialKeepsItsLastEpochAsKerasFitDoes() {
        StudySpec spec = new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                budget: {trials: 2}
                trainer: djl-mlp
                data: fashion-mnist
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                fit: {epochs: 5}
                """, "s.yaml");

        assertThat(DjlTrainers.config(spec, Task.CLASSIFICATION).restoreBest()).isFalse();
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
                .hasMessage("fit.early_stopping.monitor: the DJL trainers log no metric 'val_acc' for classification data;"
                        + " expected one of loss, accuracy, val_loss, val_accuracy, lr, epoch_time, samples_per_s, cpu_time"
                        + " (did you mean 'val_accuracy'?)");
        assertThatThrownBy(() -> DjlTrainers.stopOn(spec("val_loss", "{patience: 2, monitor: val_los}"), Task.REGRESSION))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("for regression data; expected one of loss, val_loss, lr,")
                .hasMessageNotContaining("accuracy").hasMessageEndingWith("(did you mean 'val_loss'?)");
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("val_accuracy", "{patience: 2, monitor: val_rmse}")))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("fit.early_stopping.monitor: 'val_rmse' does not fit classification data");
    }

    @Test
    void aMonitorSpeltAsTheWrongMetricIsRefusedInTheSamePassAsTheMetricNotOnlyOnceTheMetricIsFixed() {
        StudySpec spec = spec("val_acc", "{patience: 2, monitor: val_acc}");

        assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("metric: the DJL trainers log no metric 'val_acc'")
                .hasMessageContaining("fit.early_stopping.monitor: the DJL trainers log no metric 'val_acc'");
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovementAsKerasDoesRatherThanTurningEarlyStoppingOff(@TempDir Path dir)
            throws Exception {
        StudySpec spec = new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                sampler: {type: random, seed: 1}
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: y, task: classification}
                space:
                  learning_rate: {choice: [1e-12]}
                  n_neurons: {choice: [4]}
                fit: {epochs: 4, batch_size: 16, early_stopping: {patience: 0, min_delta: 0.05}}
                """.formatted(TestCsv.noisyClasses(dir, 200)), "s.yaml");
        Study study = Study.builder("s").storage(new InMemoryStorage()).direction(Direction.MAXIMIZE).create();

        study.optimize(new DjlTrainers().create(spec), OptimizeOptions.trials(1));

        FrozenTrial trial = study.trials(EnumSet.allOf(TrialState.class)).get(0);
        assertThat(trial.state()).as(trial.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.userAttrs().get("epochs_run")).as("the first epoch sets the best, the second does not improve")
                .isEqualTo(2);
    }
}
