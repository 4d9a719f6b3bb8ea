package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.tunelab.trainers.data.DenseDataset;
import org.junit.jupiter.api.Test;

class BatchBuffersTest {
    /** Five examples of three features, example i holding 10i, 10i+1, 10i+2. */
    private static final float[] FEATURES = {0, 1, 2, 10, 11, 12, 20, 21, 22, 30, 31, 32, 40, 41, 42};
    private static final int[] ORDER = {3, 0, 4, 1, 2};

    @Test
    void aRegressionBatchHoldsTheOrderedExamplesAndTheirTargetsInShapesOfItsSize() {
        DenseDataset data = DenseDataset.regression(FEATURES, new int[] {3}, new float[] {0, -1, 1, -2, 2, -3, 3, -4, 4, -5}, 2);
        BatchBuffers buffers = new BatchBuffers(data, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            for (int[] batch : new int[][] {{0, 2}, {4, 5}, {2, 4}}) {
                int rows = batch[1] - batch[0];
                try (NDManager b = m.newSubManager()) {
                    NDArray x = buffers.features(b, data, ORDER, batch[0], batch[1], new Shape(rows, 3));
                    NDArray y = buffers.labels(b, data, ORDER, batch[0], batch[1]);

                    assertThat(x.getShape()).isEqualTo(new Shape(rows, 3));
                    assertThat(y.getShape()).isEqualTo(new Shape(rows, 2));
                    assertThat(y.getDataType()).isEqualTo(DataType.FLOAT32);
                    float[] xs = x.toFloatArray();
                    float[] ys = y.toFloatArray();
                    for (int r = 0; r < rows; r++) {
                        int example = ORDER[batch[0] + r];
                        assertThat(new float[] {xs[3 * r], xs[3 * r + 1], xs[3 * r + 2]})
                                .containsExactly(10 * example, 10 * example + 1, 10 * example + 2);
                        assertThat(new float[] {ys[2 * r], ys[2 * r + 1]}).containsExactly(example, -example - 1);
                    }
                }
            }
        }
    }

    @Test
    void aClassificationBatchHoldsItsLabelsAsLongs() {
        DenseDataset data = new DenseDataset(FEATURES, new int[] {3}, new int[] {0, 1, 2, 1, 0}, 3);
        BatchBuffers buffers = new BatchBuffers(data, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray full = buffers.labels(m, data, ORDER, 0, 3);
            assertThat(full.getShape()).isEqualTo(new Shape(3));
            assertThat(full.getDataType()).isEqualTo(DataType.INT64);
            assertThat(full.toLongArray()).containsExactly(1, 0, 0);

            NDArray last = buffers.labels(m, data, ORDER, 3, 5);

            assertThat(last.getShape()).isEqualTo(new Shape(2));
            assertThat(last.toLongArray()).containsExactly(1, 2);
        }
    }
}
