package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.engine.EngineException;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.search.trial.FixedTrial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.testing.TestStudies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutOfMemoryRetryTest {
    /** What PyTorch 2.5 says through DJL when an allocation on the GPU fails. */
    static final String CUDA_OOM = "CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 14.58 GiB"
            + " of which 1.12 GiB is free.\nException raised from malloc at ../c10/cuda/CUDACachingAllocator.cpp:1016";

    private final FixedTrial trial = new FixedTrial(Map.of(), 3, Slot.gpu(0), 11);
    private final List<Integer> batchSizes = new ArrayList<>();

    @Test
    void aCudaOutOfMemoryErrorIsRetriedOnceWithHalfTheBatchAndRecorded() {
        double value = OutOfMemoryRetry.run(trial, FitConfig.of(2, 64, 1), fit -> {
            batchSizes.add(fit.batchSize());
            if (batchSizes.size() == 1) {
                throw new EngineException(CUDA_OOM);
            }
            return 0.9;
        });

        assertThat(value).isEqualTo(0.9);
        assertThat(batchSizes).containsExactly(64, 32);
        assertThat(trial.userAttrs().get(OutOfMemoryRetry.ATTR)).isEqualTo(Map.of("batch_size", 64, "retry_batch_size", 32,
                "error", "CUDA out of memory. Tried to allocate 2.00 GiB. GPU 0 has a total capacity of 14.58 GiB"
                        + " of which 1.12 GiB is free."));
    }

    @Test
    void theRetrysReportedValuesAreTheTrialsCurveNotTheFailedAttempts() {
        Study study = TestStudies.maximizing("oom-curve");
        study.optimize(t -> OutOfMemoryRetry.run(t, FitConfig.of(2, 64, 1), fit -> {
            batchSizes.add(fit.batchSize());
            boolean first = batchSizes.size() == 1;
            t.report(0, first ? 0.10 : 0.50);
            t.report(1, first ? 0.20 : 0.60);
            if (first) {
                throw new EngineException(CUDA_OOM);
            }
            return 0.6;
        }), OptimizeOptions.trials(1));

        FrozenTrial t = TestStudies.trial(study, 0);
        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.intermediateValues()).containsExactly(Map.entry(0, 0.50), Map.entry(1, 0.60));

        FixedTrial fixed = new FixedTrial(Map.of(), 3, Slot.gpu(0), 11);
        batchSizes.clear();
        OutOfMemoryRetry.run(fixed, FitConfig.of(2, 64, 1), fit -> {
            batchSizes.add(fit.batchSize());
            fixed.report(0, batchSizes.size() == 1 ? 0.10 : 0.50);
            if (batchSizes.size() == 1) {
                throw new EngineException(CUDA_OOM);
            }
            return 0.5;
        });
        assertThat(fixed.reports()).containsExactly(Map.entry(0, 0.50));
    }

    @Test
    void aSecondOutOfMemoryErrorFailsTheTrialSayingSo() {
        assertThatThrownBy(() -> OutOfMemoryRetry.run(trial, FitConfig.of(2, 64, 1), fit -> {
            batchSizes.add(fit.batchSize());
            throw new RuntimeException("training failed", new EngineException(CUDA_OOM));
        })).isInstanceOf(TrainersException.class)
                .hasMessageStartingWith("CUDA out of memory twice: at batch size 64 and again after the retry with half of it (32)")
                .hasMessageContaining("smaller batch_size");
        assertThat(batchSizes).containsExactly(64, 32);
    }

    @Test
    void otherErrorsAreNotRetried() {
        assertThatThrownBy(() -> OutOfMemoryRetry.run(trial, FitConfig.of(2, 64, 1), fit -> {
            batchSizes.add(fit.batchSize());
            throw new EngineException("Expected all tensors to be on the same device");
        })).isInstanceOf(EngineException.class);
        assertThat(batchSizes).containsExactly(64);
        assertThat(trial.userAttrs()).doesNotContainKey(OutOfMemoryRetry.ATTR);
        assertThat(OutOfMemoryRetry.isCudaOutOfMemory(new IllegalStateException("CUDA out of memory"))).isFalse();
    }

    @Test
    void aBatchOfOneCannotBeHalved() {
        assertThatThrownBy(() -> OutOfMemoryRetry.run(trial, FitConfig.of(1, 1, 1), fit -> {
            throw new EngineException(CUDA_OOM);
        })).isInstanceOf(TrainersException.class).hasMessageStartingWith("CUDA out of memory at batch size 1");
    }
}
