package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A piecewise constant schedule given in epochs trains each epoch at its value (the book's piecewise_constant_fn). */
@Timeout(300)
class DjlObjectivePiecewiseScheduleTest {
    @TempDir
    Path dir;

    @Test
    void eachEpochTrainsAtTheValueOfItsPieceNotAtTheLearningRate() throws IOException {
        StringBuilder csv = new StringBuilder("a,y\n");
        for (int i = 0; i < 120; i++) {
            double a = (i % 40) / 20.0 - 1;
            csv.append(String.format(Locale.ROOT, "%.4f,%.4f%n", a, 2 * a + 0.5));
        }
        Path file = dir.resolve("line.csv");
        Files.writeString(file, csv.toString());
        TrainingData data = CsvDatasets.load(file, CsvOptions.regression("y"), 0.2, 0.2, 3);
        Map<String, Object> fixed = Map.of("epochs", 5, "batch_size", 16, "n_hidden", 1, "n_neurons", 4,
                "learning_rate", 0.3, "lr_schedule", "piecewise", "lr_boundaries", List.of(2, 4),
                "lr_values", List.of(0.05, 0.01, 0.002));

        Study study = Study.builder("piecewise").storage(new InMemoryStorage()).direction(Direction.MINIMIZE).seed(7).create();
        study.optimize(new DjlObjective(data, DjlObjectiveConfig.mlp(Map.of(), fixed).withMonitor(Monitor.of("val_loss"))
                .withCheckpoint(false)),
                OptimizeOptions.trials(1));

        FrozenTrial trial = study.trials(EnumSet.allOf(TrialState.class)).get(0);
        assertThat(trial.state()).as(trial.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(study.storage().metrics(trial.id(), "lr")).extracting(MetricPoint::value)
                .containsExactly(0.05, 0.05, 0.01, 0.01, 0.002);
    }
}
