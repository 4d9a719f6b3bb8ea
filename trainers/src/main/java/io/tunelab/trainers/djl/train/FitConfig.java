package io.tunelab.trainers.djl.train;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.schedule.GradientClipping;
import io.tunelab.trainers.sources.ImageAugmentation;
import java.util.Objects;

/**
 * How to run the training loop.
 *
 * @param epochs        passes over the training set, at least 1
 * @param batchSize     examples per optimizer step, at least 1 (the last batch of an epoch may be smaller)
 * @param clipping      gradient clipping before each step
 * @param seed          seeds the per-epoch shuffling of the training set
 * @param evalBatchSize examples per forward pass when validating, at least 1
 * @param trainAccuracy whether to measure accuracy on the training batches (three array operations
 *                      per batch); when false the epoch's {@code accuracy} is NaN
 * @param loss          what is minimised: cross-entropy for a classifier, MSE or MAE for a regressor
 * @param augmentation  random changes to the training batches' images (never to validation examples),
 *                      drawn from a generator derived from {@code seed}
 */
public record FitConfig(int epochs, int batchSize, GradientClipping clipping, long seed, int evalBatchSize,
                        boolean trainAccuracy, LossKind loss, ImageAugmentation augmentation) {
    /** A classifier's loop: softmax cross-entropy. */
    public FitConfig(int epochs, int batchSize, GradientClipping clipping, long seed, int evalBatchSize,
                     boolean trainAccuracy) {
        this(epochs, batchSize, clipping, seed, evalBatchSize, trainAccuracy, LossKind.CROSS_ENTROPY);
    }

    /** A loop without augmentation. */
    public FitConfig(int epochs, int batchSize, GradientClipping clipping, long seed, int evalBatchSize,
                     boolean trainAccuracy, LossKind loss) {
        this(epochs, batchSize, clipping, seed, evalBatchSize, trainAccuracy, loss, ImageAugmentation.none());
    }

    public FitConfig {
        if (epochs < 1) {
            throw new TrainersException("epochs must be at least 1, got " + epochs);
        }
        if (batchSize < 1) {
            throw new TrainersException("batch size must be at least 1, got " + batchSize);
        }
        if (evalBatchSize < 1) {
            throw new TrainersException("evaluation batch size must be at least 1, got " + evalBatchSize);
        }
        Objects.requireNonNull(clipping, "clipping");
        Objects.requireNonNull(loss, "loss");
        Objects.requireNonNull(augmentation, "augmentation");
    }

    /** {@code epochs} of {@code batchSize}, no clipping, validation in batches of 1,000, training accuracy on. */
    public static FitConfig of(int epochs, int batchSize, long seed) {
        return new FitConfig(epochs, batchSize, GradientClipping.none(), seed, 1000, true);
    }

    public FitConfig withClipping(GradientClipping c) {
        return new FitConfig(epochs, batchSize, c, seed, evalBatchSize, trainAccuracy, loss, augmentation);
    }

    /** The same with {@code size} examples per step (e.g. halved after the GPU ran out of memory). */
    public FitConfig withBatchSize(int size) {
        return new FitConfig(epochs, size, clipping, seed, evalBatchSize, trainAccuracy, loss, augmentation);
    }

    /** The same with another shuffling seed (e.g. the one a resumed checkpoint was written with). */
    public FitConfig withSeed(long s) {
        return new FitConfig(epochs, batchSize, clipping, s, evalBatchSize, trainAccuracy, loss, augmentation);
    }

    public FitConfig withTrainAccuracy(boolean on) {
        return new FitConfig(epochs, batchSize, clipping, seed, evalBatchSize, on, loss, augmentation);
    }

    public FitConfig withLoss(LossKind l) {
        return new FitConfig(epochs, batchSize, clipping, seed, evalBatchSize, trainAccuracy, l, augmentation);
    }

    public FitConfig withAugmentation(ImageAugmentation a) {
        return new FitConfig(epochs, batchSize, clipping, seed, evalBatchSize, trainAccuracy, loss, a);
    }

    /** Optimizer steps per epoch for {@code trainSize} examples. */
    public int stepsPerEpoch(int trainSize) {
        return (trainSize + batchSize - 1) / batchSize;
    }
}
