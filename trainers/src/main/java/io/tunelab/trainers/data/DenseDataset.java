package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;

/**
 * A labelled classification dataset held in memory: {@code size()} examples of {@code exampleShape}
 * floats each, stored row after row in one flat array, and one class label per example.
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

    /**
     * @param features     {@code labels.length * product(exampleShape)} values
     * @param exampleShape dimensions of one example, e.g. {@code [28, 28]} or {@code [784]}
     * @param labels       class of each example, in {@code [0, numClasses)}
     * @param numClasses   number of classes, at least 1
     * @throws TrainersException if sizes disagree or a label is out of range
     */
    public DenseDataset(float[] features, int[] exampleShape, int[] labels, int numClasses) {
        int size = 1;
        for (int d : exampleShape) {
            if (d <= 0) {
                throw new TrainersException("example shape " + Arrays.toString(exampleShape) + " must be positive");
            }
            size *= d;
        }
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

    /** The label array (read-only). */
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
        return new DenseDataset(Arrays.copyOfRange(features, from * exampleSize, to * exampleSize),
                exampleShape, Arrays.copyOfRange(labels, from, to), numClasses);
    }

    /** The first {@code n} examples (all of them if there are fewer). */
    public DenseDataset head(int n) {
        return slice(0, Math.min(n, size()));
    }

    /** The examples at {@code indices}, in that order, copied. */
    public DenseDataset select(int[] indices) {
        float[] x = new float[indices.length * exampleSize];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            copyExample(indices[i], x, i * exampleSize);
            y[i] = labels[indices[i]];
        }
        return new DenseDataset(x, exampleShape, y, numClasses);
    }

    /** Copies example {@code index} into {@code target} starting at {@code offset}. */
    public void copyExample(int index, float[] target, int offset) {
        System.arraycopy(features, index * exampleSize, target, offset, exampleSize);
    }

    @Override
    public String toString() {
        return "DenseDataset[" + size() + " x " + Arrays.toString(exampleShape) + ", " + numClasses + " classes]";
    }
}
