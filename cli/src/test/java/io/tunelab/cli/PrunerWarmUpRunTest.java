package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.DjlTrainers;
import io.tunelab.cli.wiring.ForwardingTrainerFactory;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Objective;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.Monitor;
import io.tunelab.trainers.callback.PruningCallback;
import io.tunelab.trainers.device.FixedDeviceInventory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study file's {@code warmup_steps: N} spares a trial's first N epochs, as a Keras reader expects: the trainers
 * report epochs from 1, and the median pruner counts its warm-up from there.
 */
@Timeout(120)
class PrunerWarmUpRunTest {
    /** The DJL MLP's file checks, with trials whose val_loss is worse the later they start, reported each epoch. */
    private static final class WorseningTrainers extends ForwardingTrainerFactory {
        WorseningTrainers() {
            super(new DjlTrainers());
        }

        @Override
        public Objective create(StudySpec spec) {
            return trial -> {
                PruningCallback pruning = new PruningCallback(trial, Monitor.of("val_loss"));
                double valLoss = 1 + trial.number();
                for (int epoch = 1; epoch <= 4; epoch++) {
                    pruning.onEpochEnd(new EpochMetrics(epoch, valLoss, Double.NaN, valLoss, Double.NaN, 0.01, 1, 1, 1), null);
                }
                return valLoss;
            };
        }
    }

    @Test
    void warmUpStepsOfOneNeverPrunesATrialAfterItsFirstEpoch(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("warm.yaml");
        Files.writeString(file, """
                study: warm
                direction: minimize
                metric: val_loss
                sampler: {type: random, seed: 3}
                pruner: {type: median, startup_trials: 1, warmup_steps: 1}
                budget: {trials: 4}
                space: {learning_rate: {float: [0.001, 0.1], log: true}}
                trainer: djl-mlp
                data: {dataset: synthetic-series, n_series: 300, n_steps: 10, horizon: 1, seed: 1}
                fit: {epochs: 4, batch_size: 32}
                """);
        InMemoryStorage storage = new InMemoryStorage();

        CliRun r = CliRun.of(CliRun.wiring(FixedDeviceInventory.cpuOnly(1), storage, new WorseningTrainers()),
                "run", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        List<FrozenTrial> pruned = storage.trials(storage.findStudy("warm").orElseThrow().id(), EnumSet.of(TrialState.PRUNED));
        assertThat(pruned).as("the later, worse trials are pruned").hasSize(3);
        assertThat(pruned).as("each after its second epoch, the first pruning step after one warm-up epoch")
                .allSatisfy(t -> assertThat(t.intermediateValues().lastKey()).isEqualTo(2));
    }
}
