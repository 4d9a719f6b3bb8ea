package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.DjlTrainers;
import io.tunelab.cli.wiring.TribuoTrainers;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.device.FixedDeviceInventory;
import io.tunelab.trainers.djl.train.DjlObjective;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study file with several objectives ({@code direction} and {@code metric} lists) runs end to end with the real
 * trainers: every trial completes with one value per metric, the later ones read from what the trial reported.
 */
@Timeout(180)
class MultiObjectiveRunTest {

    private static List<FrozenTrial> trials(InMemoryStorage storage, String study) {
        return storage.trials(storage.findStudy(study).orElseThrow().id(), EnumSet.allOf(TrialState.class));
    }

    @Test
    void aTribuoStudyTradesAccuracyAgainstTheFoldsSpreadAndShowsItsParetoFront(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mo.yaml");
        Files.writeString(file, """
                study: mo-cart
                direction: [maximize, minimize]
                metric: [accuracy, cv_std]
                sampler: {type: grid, seed: 3}
                budget: {trials: 4}
                parallel: {workers: 2, devices: cpu}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 400, classes: 4, seed: 5}
                space:
                  max_depth: {int: [1, 4]}
                """);
        InMemoryStorage storage = new InMemoryStorage();
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), storage, new TribuoTrainers());

        CliRun run = CliRun.of(wiring, "run", file.toString());

        assertThat(run.code()).as(run.err()).isZero();
        List<FrozenTrial> trials = trials(storage, "mo-cart");
        assertThat(trials).hasSize(4).allSatisfy(t -> {
            assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.values()).hasSize(2);
            assertThat(t.values().get(0)).isEqualTo(((Number) t.userAttrs().get("cv_mean")).doubleValue());
            assertThat(t.values().get(1)).isEqualTo(((Number) t.userAttrs().get("cv_std")).doubleValue());
        });
        assertThat(run.out()).contains("4 complete").contains("Pareto-optimal trials:");
        CliRun best = CliRun.of(wiring, "best", "mo-cart", "--format", "csv");
        assertThat(best.code()).as(best.err()).isZero();
        assertThat(best.out().lines().findFirst().orElseThrow()).contains("value_0,value_1");
    }

    @Test
    void aDjlStudysSecondObjectiveIsItsMetricAtTheEpochWhoseWeightsTheTrialKeeps(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mo.yaml");
        Files.writeString(file, """
                study: mo-rnn
                direction: [minimize, minimize]
                metric: [val_rmse, val_mae]
                sampler: {type: random, seed: 3}
                budget: {trials: 1}
                parallel: {workers: 1, devices: cpu}
                trainer: djl-rnn
                data: {dataset: synthetic-series, n_series: 300, n_steps: 20, horizon: 1, seed: 1, valid_split: 100,
                       test_split: 50}
                fit: {epochs: 4}
                space:
                  rnn_units: {int: [4, 8]}
                  learning_rate: {choice: [0.05]}
                """);
        InMemoryStorage storage = new InMemoryStorage();
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(1), storage, new DjlTrainers());

        CliRun run = CliRun.of(wiring, "run", file.toString());

        assertThat(run.code()).as(run.err()).isZero();
        FrozenTrial t = trials(storage, "mo-rnn").get(0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        long kept = ((Number) t.userAttrs().get(DjlObjective.VALUE_EPOCH)).longValue();
        assertThat(t.values()).containsExactly(at(storage.metrics(t.id(), "val_rmse"), kept),
                at(storage.metrics(t.id(), "val_mae"), kept));
        assertThat(storage.metricNames(t.id())).as("a regressor measures no accuracy").contains("val_loss", "val_rmse")
                .doesNotContain("accuracy", "val_accuracy");
    }

    private static double at(List<MetricPoint> series, long step) {
        return series.stream().filter(p -> p.step() == step).findFirst().orElseThrow().value();
    }

    @Test
    void aTribuoStudyWhoseFirstDirectionFightsItsMetricIsInvalidInputNamingTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("mo.yaml");
        Files.writeString(file, """
                study: mo-cart
                direction: [minimize, minimize]
                metric: [accuracy, cv_std]
                direction_check: false
                budget: {trials: 4}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification}
                space:
                  max_depth: {int: [1, 4]}
                """);
        var wiring = CliRun.wiring(FixedDeviceInventory.cpuOnly(2), new InMemoryStorage(), new TribuoTrainers());

        CliRun r = CliRun.of(wiring, "run", "--dry-run", file.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("direction[0]: metric 'accuracy' is maximized, got minimize; expected maximize");
    }
}
