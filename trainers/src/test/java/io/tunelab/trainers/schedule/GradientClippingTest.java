package io.tunelab.trainers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.tunelab.trainers.TrainersException;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradientClippingTest {
    @Test
    void clippingByNormScalesAllGradientsTogether() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {3, 0});
            NDArray b = m.create(new float[] {0, 4});

            double norm = GradientClipping.byNorm(1).apply(List.of(a, b));

            assertThat(norm).isCloseTo(5, within(1e-6));
            assertThat(a.toFloatArray()).containsExactly(0.6f, 0f);
            assertThat(b.toFloatArray()).containsExactly(0f, 0.8f);
        }
    }

    @Test
    void gradientsWithinTheNormAreLeftAlone() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0.3f, 0.4f});
            GradientClipping.byNorm(1).apply(List.of(a));
            assertThat(a.toFloatArray()).containsExactly(0.3f, 0.4f);
        }
    }

    @Test
    void clippingByValueClampsEachComponentInPlace() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {-3, 0.5f, 2});
            GradientClipping.byValue(1).apply(List.of(a));
            assertThat(a.toFloatArray()).containsExactly(-1f, 0.5f, 1f);
            assertThat(m.getManagedArrays()).hasSize(1);
        }
    }

    @Test
    void negativeThresholdsAreRejected() {
        assertThatThrownBy(() -> GradientClipping.byNorm(-1)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("norm -1.0");
    }
}
