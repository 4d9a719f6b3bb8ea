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
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.testing.RegressionCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which epoch a trial's value comes from, as Keras's {@code EarlyStopping(monitor=..., restore_best_weights=...)}: the
 * best one by the stopping metric, or the last one. A noisy regression (a learning rate too high for it) so that the
 * epochs' metrics go up and down.
 */
@Timeout(300)
class DjlObjectiveBestEpochTest {
    private static final Map<String, Object> FIXED = Map.of("epochs", 8, "batch_size", 16, "n_hidden", 1, "n_neurons", 8,
            "optimizer", "sgd", "learning_rate", 0.3);

    @TempDir
    Path dir;
    private TrainingData data;

    @BeforeEach
    void noisyRegression() throws IOException {
        data = RegressionCsv.noisy(dir);
    }

    private record Run(double value, long valueEpoch, List<MetricPoint> rmse, List<MetricPoint> mae) {
    }

    private Run run(DjlObjectiveConfig config) {
        Study study = Study.builder("best-epoch").storage(new InMemoryStorage()).direction(Direction.MINIMIZE).seed(42)
                .create();
        study.optimize(new DjlObjective(data, config.withCheckpoint(false)), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials(EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        long valueEpoch = ((Number) t.userAttrs().get(DjlObjective.VALUE_EPOCH)).longValue();
        return new Run(t.value(), valueEpoch, study.storage().metrics(t.id(), "val_rmse"), study.storage().metrics(t.id(), "val_mae"));
    }

    private static DjlObjectiveConfig rmse() {
        return DjlObjectiveConfig.mlp(Map.of(), FIXED).withMonitor(Monitor.of("val_rmse"));
    }

    private static MetricPoint least(List<MetricPoint> series) {
        return series.stream().min(Comparator.comparingDouble(MetricPoint::value)).orElseThrow();
    }

    private static double at(List<MetricPoint> series, long step) {
        return series.stream().filter(p -> p.step() == step).findFirst().orElseThrow().value();
    }

    @Test
    void byDefaultTheValueIsTheBestEpochsAndWithoutRestoringTheLastEpochs() {
        Run best = run(rmse());
        Run last = run(rmse().withRestoreBest(false));

        assertThat(best.rmse()).hasSize(8);
        assertThat(best.rmse()).extracting(MetricPoint::value).as("the same training").isEqualTo(
                last.rmse().stream().map(MetricPoint::value).toList());
        assertThat(least(best.rmse()).value()).as("the epochs go up and down").isLessThan(best.rmse().get(7).value());
        assertThat(best.value()).isEqualTo(least(best.rmse()).value());
        assertThat(last.value()).isEqualTo(last.rmse().get(7).value());
        assertThat(best.valueEpoch()).as("the epoch the value is from").isEqualTo(least(best.rmse()).step());
        assertThat(last.valueEpoch()).isEqualTo(last.rmse().get(7).step());
    }

    @Test
    void aStoppingMetricOfItsOwnChoosesTheEpochWhoseValueTheTrialReturns() {
        Run run = run(rmse().withStopOn(Monitor.of("val_mae")));

        long byMae = least(run.mae()).step();
        assertThat(byMae).as("the two metrics disagree on the best epoch").isNotEqualTo(least(run.rmse()).step());
        assertThat(run.value()).isEqualTo(at(run.rmse(), byMae));
        assertThat(run.valueEpoch()).isEqualTo(byMae);
    }
}
