package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DivergenceDetectorTest {
    private final FakeContext ctx = new FakeContext();

    @Test
    void aNanLossEndsTrainingNamingWhereAndTheLearningRate() {
        DivergenceDetector d = new DivergenceDetector();
        d.onBatchEnd(1, 1, 2.3, ctx);

        assertThatThrownBy(() -> d.onBatchEnd(2, 17, Double.NaN, ctx)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("loss became NaN at epoch 2, batch 17 (learning rate 0.01)");
    }

    @Test
    void aLossFarAboveTheFirstCountsAsExploding() {
        DivergenceDetector d = new DivergenceDetector(10);
        d.onBatchEnd(1, 1, 2.0, ctx);
        d.onBatchEnd(1, 2, 19.0, ctx);

        assertThatThrownBy(() -> d.onBatchEnd(1, 3, 21.0, ctx)).isInstanceOf(TrainingDivergedException.class)
                .hasMessageContaining("exploded to 21.0 (first batch: 2.0)");
    }

    @Test
    void anInfiniteValidationLossEndsTraining() {
        DivergenceDetector d = new DivergenceDetector();

        assertThatCode(() -> d.onEpochEnd(FakeContext.metrics(1, 0.5, 0.8), ctx)).doesNotThrowAnyException();
        assertThatThrownBy(() -> d.onEpochEnd(FakeContext.metrics(2, Double.POSITIVE_INFINITY, 0.1), ctx))
                .isInstanceOf(TrainingDivergedException.class).hasMessageContaining("validation loss is Infinity after epoch 2");
    }
}
