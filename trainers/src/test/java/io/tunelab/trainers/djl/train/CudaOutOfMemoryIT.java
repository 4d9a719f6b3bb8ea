package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.testing.FashionMnistFixture;
import io.tunelab.trainers.testing.TestStudies;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The DJL objective survives the engine's CUDA out-of-memory error: the error is raised once from inside
 * a training attempt (while its model is open), as PyTorch raises it on a full GPU; the trial is retried in
 * place with half the batch, completes, and records the retry.
 */
@Timeout(300)
class CudaOutOfMemoryIT {
    private static final DatasetSplits DATA = FashionMnistFixture.subset(512, 128);

    private static Study run(int outOfMemoryErrors) {
        Study study = TestStudies.maximizing("oom");
        DjlObjective objective = new DjlObjective(DATA, DjlObjectiveConfig.mlp(Map.of(),
                Map.of("epochs", 1, "batch_size", 64, "n_hidden", 1, "n_neurons", 32)).withCheckpoint(false));
        study.optimize(trial -> objective.evaluate(new OutOfMemoryTrial(trial, outOfMemoryErrors)),
                OptimizeOptions.trials(1).withParallelism(1));
        return study;
    }

    @Test
    void oneOutOfMemoryErrorIsRetriedWithHalfTheBatchAndTheTrialCompletes() {
        FrozenTrial t = TestStudies.trial(run(1), 0);

        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.value()).isBetween(0.2, 1.0);
        assertThat(t.userAttrs().get(OutOfMemoryRetry.ATTR)).isEqualTo(Map.of("batch_size", 64, "retry_batch_size", 32,
                "error", OutOfMemoryRetryTest.CUDA_OOM.lines().findFirst().orElseThrow()));
        assertThat(t.userAttrs()).containsEntry("epochs_run", 1);
        Map<?, ?> device = (Map<?, ?>) t.userAttrs().get("device");
        assertThat(device.get("slot")).isEqualTo("cpu:0");
        assertThat(device.get("device")).isEqualTo("cpu()");
    }

    @Test
    void aSecondOutOfMemoryErrorFailsTheTrialWithAMessageThatSaysSo() {
        FrozenTrial t = TestStudies.trial(run(2), 0);

        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.message()).contains("CUDA out of memory twice: at batch size 64 and again after the retry with half of it (32)");
    }
}
