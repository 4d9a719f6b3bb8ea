package io.tunelab.trainers.callback;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.TrainingState;

/**
 * Ends a hopeless run early: when a batch's training loss is NaN or infinite, or exceeds
 * {@code explosionFactor} times the first batch's loss, or when the validation loss is not finite, it throws
 * {@link TrainingDivergedException}, so the trial ends as FAIL with a message naming the epoch, batch,
 * loss and learning rate, instead of training on garbage. Not thread-safe; one instance per run.
 */
public final class DivergenceDetector implements ResumableCallback {
    private final double explosionFactor;
    private double firstLoss = Double.NaN;

    /** @param explosionFactor how many times the first batch's loss counts as exploding, more than 1 */
    public DivergenceDetector(double explosionFactor) {
        if (!(explosionFactor > 1)) {
            throw new TrainersException("explosion factor must be more than 1, got " + explosionFactor);
        }
        this.explosionFactor = explosionFactor;
    }

    /** Losses above 100 times the first batch's count as exploding. */
    public DivergenceDetector() {
        this(100);
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss, TrainingContext context) {
        if (!Double.isFinite(loss)) {
            throw diverged("training loss became " + loss, epoch, batch, context);
        }
        if (Double.isNaN(firstLoss)) {
            firstLoss = loss;
        } else if (firstLoss > 0 && loss > explosionFactor * firstLoss) {
            throw diverged("training loss exploded to " + loss + " (first batch: " + firstLoss + ")", epoch, batch, context);
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        if (!Double.isFinite(metrics.valLoss()) && !Double.isNaN(metrics.valAccuracy())) {
            throw new TrainingDivergedException("training diverged: validation loss is " + metrics.valLoss()
                    + " after epoch " + metrics.epoch() + " (learning rate " + metrics.learningRate() + ")");
        }
    }

    @Override
    public void saveState(TrainingState state) {
        state.putDoubles("divergence/first_loss", firstLoss);
    }

    @Override
    public void restoreState(TrainingState state) {
        firstLoss = state.number("divergence/first_loss");
    }

    private static TrainingDivergedException diverged(String what, int epoch, int batch, TrainingContext context) {
        return new TrainingDivergedException("training diverged: " + what + " at epoch " + epoch + ", batch " + batch
                + " (learning rate " + context.learningRate() + "); try a smaller learning rate or gradient clipping");
    }
}
