package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.EngineException;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.testing.FashionMnistFixture;
import io.tunelab.trainers.testing.TestStudies;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A trial whose engine "runs out of GPU memory" the first {@code times} times an attempt ends. */
    private static final class OutOfMemoryTrial implements Trial {
        private final Trial trial;
        private final AtomicInteger left;

        OutOfMemoryTrial(Trial trial, int times) {
            this.trial = trial;
            this.left = new AtomicInteger(times);
        }

        @Override
        public void setUserAttr(String key, Object value) {
            if (key.equals("epochs_run") && left.getAndDecrement() > 0) {
                throw new EngineException(OutOfMemoryRetryTest.CUDA_OOM);
            }
            trial.setUserAttr(key, value);
        }

        @Override
        public int number() {
            return trial.number();
        }

        @Override
        public Slot slot() {
            return trial.slot();
        }

        @Override
        public long seed() {
            return trial.seed();
        }

        @Override
        public Object suggest(String name, Distribution distribution) {
            return trial.suggest(name, distribution);
        }

        @Override
        public void report(int step, double value) {
            trial.report(step, value);
        }

        @Override
        public boolean shouldPrune() {
            return trial.shouldPrune();
        }

        @Override
        public void log(String name, long step, double value) {
            trial.log(name, step, value);
        }

        @Override
        public ArtifactRef logArtifact(String name, Path file) {
            return trial.logArtifact(name, file);
        }

        @Override
        public Map<String, Object> params() {
            return trial.params();
        }
    }

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
