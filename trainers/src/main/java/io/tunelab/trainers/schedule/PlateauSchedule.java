package io.tunelab.trainers.schedule;

import io.tunelab.search.trial.Direction;
import io.tunelab.trainers.TrainersException;
import java.util.function.ToDoubleFunction;

/**
 * Performance scheduling: the rate drops by {@code factor} after {@code patience} epochs without an
 * improvement of more than {@code minDelta} in the monitored metric, and the count starts again. NaN
 * values never count as improvements. Not thread-safe; one instance per training run.
 */
public final class PlateauSchedule implements LearningRateSchedule {
    private final String metric;
    private final Direction direction;
    private final double factor;
    private final int patience;
    private final double minDelta;
    private final double minRate;
    private double rate;
    private double best = Double.NaN;
    private int epochsWithoutImprovement;

    PlateauSchedule(double initial, String metric, Direction direction, double factor, int patience,
                    double minDelta, double minRate) {
        this.rate = Schedules.positiveRate("initial learning rate", initial);
        if (metric == null || metric.isBlank() || direction == null) {
            throw new TrainersException("a plateau schedule needs a metric name and a direction");
        }
        if (!(factor > 0 && factor < 1)) {
            throw new TrainersException("plateau factor must be in (0, 1), got " + factor);
        }
        if (patience < 1) {
            throw new TrainersException("plateau patience must be at least 1 epoch, got " + patience);
        }
        if (!(minDelta >= 0) || !(minRate >= 0)) {
            throw new TrainersException("plateau min delta and min rate must be 0 or more, got " + minDelta + " and " + minRate);
        }
        this.metric = metric;
        this.direction = direction;
        this.factor = factor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.minRate = minRate;
    }

    @Override
    public double rate(long step) {
        return rate;
    }

    /** The metric this schedule watches. */
    public String metric() {
        return metric;
    }

    /** {@code [rate, best, epochs without improvement]}. */
    @Override
    public double[] saveState() {
        return new double[] {rate, best, epochsWithoutImprovement};
    }

    @Override
    public void restoreState(double[] state) {
        if (state.length != 3) {
            throw new TrainersException("a plateau schedule's state has 3 values, the checkpoint holds " + state.length);
        }
        rate = state[0];
        best = state[1];
        epochsWithoutImprovement = (int) state[2];
    }

    @Override
    public void onEpochEnd(int epoch, ToDoubleFunction<String> metrics) {
        double value = metrics.applyAsDouble(metric);
        if (!Double.isNaN(value) && (Double.isNaN(best) || direction.asLoss(best) - direction.asLoss(value) > minDelta)) {
            best = value;
            epochsWithoutImprovement = 0;
            return;
        }
        epochsWithoutImprovement++;
        if (epochsWithoutImprovement >= patience) {
            rate = Math.max(minRate, rate * factor);
            epochsWithoutImprovement = 0;
        }
    }
}
