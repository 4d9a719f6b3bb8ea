package io.tunelab.trainers.callback;

import io.tunelab.search.trial.Direction;
import io.tunelab.trainers.TrainersException;

/**
 * A metric to watch and which way is better.
 *
 * @param metric    one of {@link EpochMetrics#NAMES}
 * @param direction whether larger or smaller values are better
 */
public record Monitor(String metric, Direction direction) {
    public Monitor {
        if (metric == null || !EpochMetrics.NAMES.contains(metric)) {
            throw new TrainersException("unknown metric '" + metric + "' to monitor, expected one of " + EpochMetrics.NAMES);
        }
        if (direction == null) {
            throw new TrainersException("monitor of '" + metric + "' needs a direction");
        }
    }

    /** Watches {@code metric}, minimising losses, errors and times and maximising everything else (Keras's "auto"). */
    public static Monitor of(String metric) {
        boolean smallerIsBetter = metric != null && (metric.contains("loss") || metric.equals("epoch_time")
                || metric.endsWith("rmse") || metric.endsWith("mae"));
        return new Monitor(metric, smallerIsBetter ? Direction.MINIMIZE : Direction.MAXIMIZE);
    }

    /** The watched value in {@code metrics}. */
    public double value(EpochMetrics metrics) {
        return metrics.get(metric);
    }

    /**
     * Whether {@code candidate} beats {@code best} by more than {@code minDelta}. NaN never improves; any
     * number improves on a NaN best (the start).
     */
    public boolean improves(double candidate, double best, double minDelta) {
        if (Double.isNaN(candidate)) {
            return false;
        }
        return Double.isNaN(best) || direction.asLoss(best) - direction.asLoss(candidate) > minDelta;
    }
}
