package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;

/**
 * A labelled dataset held in memory: {@code size()} examples of {@code exampleShape} floats each, stored
 * row after row in one flat array, and per example either one class label (classification) or
 * {@link #targetWidth()} real targets (regression, {@link #regression}: {@code numClasses()} is 0).
 *
 * <p>Immutable: the constructor copies nothing for speed, so callers hand over arrays they no longer
 * modify; accessors return the internal arrays, which must be treated as read-only. Thread-safe.
 */
public final class DenseDataset {
    private final float[] features;
    private final int[] exampleShape;
    private final int[] labels;
    private final int numClasses;
    private final int exampleSize;
    private final float[] targets;
    private final int targetWidth;

    /**
     * @param features     {@code labels.length * product(exampleShape)} values
     * @param exampleShape dimensions of one example, e.g. {@code [28, 28]} or {@code [784]}
     * @param labels       class of each example, in {@code [0, numClasses)}
     * @param numClasses   number of classes, at least 1
     * @throws TrainersException if sizes disagree or a label is out of range
     */
    public DenseDataset(float[] features, int[] exampleShape, int[] labels, int numClasses) {
        int size = sizeOf(exampleShape);
        if ((long) size * labels.length != features.length) {
            throw new TrainersException(labels.length + " labels need " + (long) size * labels.length
                    + " feature values for examples of shape " + Arrays.toString(exampleShape) + ", got " + features.length);
        }
        if (numClasses < 1) {
            throw new TrainersException("number of classes must be at least 1, got " + numClasses);
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= numClasses) {
                throw new TrainersException("label " + labels[i] + " of example " + i + " is outside [0, " + numClasses + ")");
            }
        }
        this.features = features;
        this.exampleShape = exampleShape.clone();
        this.labels = labels;
        this.numClasses = numClasses;
        this.exampleSize = size;
        this.targets = null;
        this.targetWidth = 0;
    }

    private DenseDataset(float[] features, int[] exampleShape, float[] targets, int targetWidth) {
        int size = sizeOf(exampleShape);
        if (targetWidth < 1 || targets.length % targetWidth != 0) {
            throw new TrainersException(targets.length + " targets do not make whole rows of width " + targetWidth);
        }
        int count = targets.length / targetWidth;
        if ((long) size * count != features.length) {
            throw new TrainersException(count + " target rows need " + (long) size * count
                    + " feature values for examples of shape " + Arrays.toString(exampleShape) + ", got " + features.length);
        }
        this.features = features;
        this.exampleShape = exampleShape.clone();
        this.labels = new int[count];
        this.numClasses = 0;
        this.exampleSize = size;
        this.targets = targets;
        this.targetWidth = targetWidth;
    }

    /**
     * A regression dataset: {@code targets.length / targetWidth} examples, each with {@code targetWidth}
     * real targets stored row after row (1 for one value, a horizon's length for a forecast).
     *
     * @throws TrainersException if sizes disagree
     */
    public static DenseDataset regression(float[] features, int[] exampleShape, float[] targets, int targetWidth) {
        return new DenseDataset(features, exampleShape, targets, targetWidth);
    }

    private static int sizeOf(int[] exampleShape) {
        int size = 1;
        for (int d : exampleShape) {
            if (d <= 0) {
                throw new TrainersException("example shape " + Arrays.toString(exampleShape) + " must be positive");
            }
            size *= d;
        }
        return size;
    }

    /** Whether the examples carry real targets rather than class labels. */
    public boolean isRegression() {
        return targets != null;
    }

    /** Real targets per example: 0 for a classification dataset. */
    public int targetWidth() {
        return targetWidth;
    }

    /** The flat target array of a regression dataset (read-only); throws for a classification dataset. */
    public float[] targets() {
        if (targets == null) {
            throw new TrainersException("a classification dataset has class labels, not real targets");
        }
        return targets;
    }

    /** Number of examples. */
    public int size() {
        return labels.length;
    }

    /** Floats per example (the product of {@link #exampleShape()}). */
    public int exampleSize() {
        return exampleSize;
    }

    public int[] exampleShape() {
        return exampleShape.clone();
    }

    public int numClasses() {
        return numClasses;
    }

    /** The flat feature array (read-only). */
    public float[] features() {
        return features;
    }

    /** The label array (read-only); all zeros for a regression dataset. */
    public int[] labels() {
        return labels;
    }

    public int label(int index) {
        return labels[index];
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive), copied. */
    public DenseDataset slice(int from, int to) {
        if (from < 0 || to > size() || from > to) {
            throw new TrainersException("slice [" + from + ", " + to + ") is outside [0, " + size() + ")");
        }
        float[] x = Arrays.copyOfRange(features, from * exampleSize, to * exampleSize);
        return isRegression()
                ? new DenseDataset(x, exampleShape, Arrays.copyOfRange(targets, from * targetWidth, to * targetWidth), targetWidth)
                : new DenseDataset(x, exampleShape, Arrays.copyOfRange(labels, from, to), numClasses);
    }

    /**
     * These examples followed by {@code other}'s, which must have the same example shape and task (classes or target
     * width).
     */
    public DenseDataset concat(DenseDataset other) {
        if (!Arrays.equals(exampleShape, other.exampleShape) || isRegression() != other.isRegression()
                || numClasses != other.numClasses || targetWidth != other.targetWidth) {
            throw new TrainersException("cannot join examples of shape " + Arrays.toString(other.exampleShape)
                    + " to examples of shape " + Arrays.toString(exampleShape) + " of another task");
        }
        float[] x = Arrays.copyOf(features, features.length + other.features.length);
        System.arraycopy(other.features, 0, x, features.length, other.features.length);
        if (isRegression()) {
            float[] y = Arrays.copyOf(targets, targets.length + other.targets.length);
            System.arraycopy(other.targets, 0, y, targets.length, other.targets.length);
            return new DenseDataset(x, exampleShape, y, targetWidth);
        }
        int[] y = Arrays.copyOf(labels, labels.length + other.labels.length);
        System.arraycopy(other.labels, 0, y, labels.length, other.labels.length);
        return new DenseDataset(x, exampleShape, y, numClasses);
    }

    /** The first {@code n} examples (all of them if there are fewer). */
    public DenseDataset head(int n) {
        return slice(0, Math.min(n, size()));
    }

    /** The examples at {@code indices}, in that order, copied. */
    public DenseDataset select(int[] indices) {
        float[] x = new float[indices.length * exampleSize];
        int[] y = new int[indices.length];
        float[] t = isRegression() ? new float[indices.length * targetWidth] : null;
        for (int i = 0; i < indices.length; i++) {
            copyExample(indices[i], x, i * exampleSize);
            y[i] = labels[indices[i]];
            if (t != null) {
                System.arraycopy(targets, indices[i] * targetWidth, t, i * targetWidth, targetWidth);
            }
        }
        return t != null ? new DenseDataset(x, exampleShape, t, targetWidth) : new DenseDataset(x, exampleShape, y, numClasses);
    }

    /** Copies example {@code index} into {@code target} starting at {@code offset}. */
    public void copyExample(int index, float[] target, int offset) {
        System.arraycopy(features, index * exampleSize, target, offset, exampleSize);
    }

    @Override
    public String toString() {
        return "DenseDataset[" + size() + " x " + Arrays.toString(exampleShape) + ", "
                + (isRegression() ? targetWidth + " targets]" : numClasses + " classes]");
    }
}
