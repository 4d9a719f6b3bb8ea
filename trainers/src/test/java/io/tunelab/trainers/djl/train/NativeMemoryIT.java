package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.study.Study;
import io.tunelab.search.study.TrialCallback;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.testing.FashionMnistFixture;
import io.tunelab.trainers.testing.TestStudies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Thirty trials in a row must not keep native memory: no NDArray may outlive its trial, and the process's
 * resident memory must level off (the test JVM's heap is fixed and pre-touched, so resident memory moves
 * with native allocations only; arrays detached from every manager are caught by this second check).
 * The model is large enough (about 0.7 M parameters, 2.7 MB, plus two state arrays for the stateful
 * optimizers) that keeping one trial's arrays would add well over the bound across the last twenty trials.
 */
class NativeMemoryIT {
    private static final int TRIALS = 30;
    private static final int WARM_UP = 10;
    private static final long BOUND_BYTES = 48L << 20;

    @Test
    void thirtyTrialsInARowReleaseTheirNativeMemory() throws IOException {
        DatasetSplits data = FashionMnistFixture.subset(256, 64);
        Study study = TestStudies.maximizing("memory");
        DjlObjective objective = new DjlObjective(data, DjlObjectiveConfig.mlp(
                Map.of("optimizer", new CategoricalDistribution(List.of("adam", "momentum", "nadam", "adamw", "rmsprop"))),
                Map.of("epochs", 1, "batch_size", 64, "n_hidden", 2, "n_neurons", 512, "learning_rate", 0.001)));
        int baseline = liveArrays();
        List<Integer> arraysAfterTrial = new ArrayList<>();
        long[] rss = new long[TRIALS + 1];
        TrialCallback measure = (s, trial) -> {
            arraysAfterTrial.add(liveArrays());
            if (trial.number() + 1 == WARM_UP || trial.number() + 1 == TRIALS) {
                System.gc();
                rss[trial.number() + 1] = residentBytes();
            }
        };

        study.optimize(objective, OptimizeOptions.trials(TRIALS).withParallelism(1).withCallback(measure));

        assertThat(study.trials(java.util.EnumSet.of(TrialState.COMPLETE))).hasSize(TRIALS);
        assertThat(arraysAfterTrial).hasSize(TRIALS).containsOnly(baseline);
        assertThat(rss[TRIALS] - rss[WARM_UP]).as("resident memory growth over the last %d trials", TRIALS - WARM_UP)
                .isLessThan(BOUND_BYTES);
    }

    /** Arrays alive anywhere under the engine's root manager (every model's manager is a child of it). */
    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }

    private static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS line in /proc/self/status");
    }
}
