package io.tunelab.trainers.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.sources.ImageAugmentation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.SplittableRandom;

/**
 * Two direct buffers, reused for every batch, that mini-batches (features, and labels or targets) are
 * copied into before they become arrays. On the CPU PyTorch wraps a direct buffer without copying it, so a batch costs one copy of its
 * examples and no allocation. The arrays alias the buffers: a batch's arrays must be closed before the
 * next batch is made. Not thread-safe; one per training loop.
 */
final class BatchBuffers {
    private final int exampleSize;
    private final ByteBuffer features;
    private final ByteBuffer labels;
    private final int targetWidth;
    private final boolean regression;
    /** A batch's examples or targets, gathered row by row before one bulk copy into a buffer. */
    private final float[] rows;
    private float[] scratch;
    /** The shape of the last labels made, reused while batches have its number of rows. */
    private Shape labelShape = new Shape(-1);

    BatchBuffers(DenseDataset data, int maxBatch) {
        this.exampleSize = data.exampleSize();
        this.targetWidth = data.targetWidth();
        this.regression = data.isRegression();
        this.rows = new float[Math.multiplyExact(Math.max(exampleSize, targetWidth), maxBatch)];
        this.features = ByteBuffer.allocateDirect(Math.multiplyExact(exampleSize, maxBatch) * Float.BYTES).order(ByteOrder.nativeOrder());
        this.labels = ByteBuffer.allocateDirect(maxBatch * Math.max(Long.BYTES, targetWidth * Float.BYTES))
                .order(ByteOrder.nativeOrder());
    }

    /** Examples {@code order[from..to)} of {@code data} as an array of {@code shape}, in {@code manager}. */
    NDArray features(NDManager manager, DenseDataset data, int[] order, int from, int to, Shape shape) {
        gather(data.features(), exampleSize, order, from, to, features);
        return manager.create(features, shape, DataType.FLOAT32);
    }

    /** Rows {@code order[from..to)} of {@code all} ({@code width} values each) copied into {@code into}, limited to them. */
    private void gather(float[] all, int width, int[] order, int from, int to, ByteBuffer into) {
        int n = (to - from) * width;
        for (int i = from; i < to; i++) {
            System.arraycopy(all, (order == null ? i : order[i]) * width, rows, (i - from) * width, width);
        }
        into.clear().asFloatBuffer().put(rows, 0, n);
        into.limit(n * Float.BYTES);
    }

    /** The same examples, each changed by {@code augmentation} with draws from {@code random}. */
    NDArray augmentedFeatures(NDManager manager, DenseDataset data, int[] order, int from, int to, Shape shape,
                              ImageAugmentation augmentation, SplittableRandom random) {
        if (scratch == null) {
            scratch = new float[exampleSize];
        }
        FloatBuffer out = features.clear().asFloatBuffer();
        float[] all = data.features();
        for (int i = from; i < to; i++) {
            augmentation.apply(all, (order == null ? i : order[i]) * exampleSize, scratch, data.exampleShape(), random);
            out.put(scratch);
        }
        features.limit((to - from) * exampleSize * Float.BYTES);
        return manager.create(features, shape, DataType.FLOAT32);
    }

    /**
     * What the same examples should be predicted as: their labels as int64 (batch), or for a regression
     * dataset their targets as float32 (batch, target width).
     */
    NDArray labels(NDManager manager, DenseDataset data, int[] order, int from, int to) {
        if (labelShape.get(0) != to - from) {
            labelShape = regression ? new Shape(to - from, targetWidth) : new Shape(to - from);
        }
        if (regression) {
            gather(data.targets(), targetWidth, order, from, to, labels);
            return manager.create(labels, labelShape, DataType.FLOAT32);
        }
        LongBuffer out = labels.clear().asLongBuffer();
        for (int i = from; i < to; i++) {
            out.put(data.label(order == null ? i : order[i]));
        }
        labels.limit((to - from) * Long.BYTES);
        return manager.create(labels, labelShape, DataType.INT64);
    }
}
