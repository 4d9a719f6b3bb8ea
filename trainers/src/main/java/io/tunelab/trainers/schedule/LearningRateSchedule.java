package io.tunelab.trainers.schedule;

import ai.djl.training.tracker.Tracker;
import io.tunelab.search.trial.Direction;
import java.util.function.ToDoubleFunction;

/**
 * The learning rate as a function of the number of updates made so far; the static methods are the
 * catalogue. Steps count optimizer updates (batches) from 0. Schedules that need the training length
 * (one-cycle, cosine) take it in steps: {@code epochs * batchesPerEpoch}.
 *
 * <p>Stateless schedules are immutable and thread-safe; the performance-based one
 * ({@link #reduceOnPlateau}) changes as it is told each epoch's metrics and belongs to one training run.
 */
public interface LearningRateSchedule {
    /** The learning rate for update {@code step} (0 for the first). */
    double rate(long step);

    /**
     * Told by the training loop after each epoch; {@code metrics} maps a metric name ({@code val_loss}...)
     * to its value for that epoch. Only performance-based schedules use it.
     */
    default void onEpochEnd(int epoch, ToDoubleFunction<String> metrics) {
    }

    /**
     * What the schedule has learnt from the epochs so far, for a checkpoint (the position in the
     * schedule is the update count, which the training loop keeps); empty for stateless schedules.
     */
    default double[] saveState() {
        return new double[0];
    }

    /** Takes back what {@link #saveState} returned, before the first epoch of a resumed run. */
    default void restoreState(double[] state) {
        if (state.length != 0) {
            throw new io.tunelab.trainers.TrainersException("schedule " + getClass().getSimpleName()
                    + " keeps no state, the checkpoint holds " + state.length + " values");
        }
    }

    /** This schedule as a DJL tracker (DJL numbers updates from 1). */
    default Tracker asTracker() {
        return numUpdate -> (float) rate(Math.max(0, numUpdate - 1));
    }

    /** The same rate throughout. */
    static LearningRateSchedule constant(double rate) {
        return new Schedules.Constant(rate);
    }

    /** Power scheduling: {@code η0 / (1 + t/s)^c} (the book's chapter 11; c = 1 is 1/t decay). */
    static LearningRateSchedule power(double initial, long decaySteps, double power) {
        return new Schedules.Power(initial, decaySteps, power);
    }

    /** Exponential scheduling: {@code η0 · base^(t/s)}, e.g. base 0.1 divides the rate by 10 every s steps. */
    static LearningRateSchedule exponential(double initial, long decaySteps, double base) {
        return new Schedules.Exponential(initial, decaySteps, base);
    }

    /**
     * Piecewise constant: {@code rates[0]} before step {@code boundaries[0]}, {@code rates[i]} from
     * {@code boundaries[i-1]} on; {@code rates} has one more element than the ascending {@code boundaries}.
     */
    static LearningRateSchedule piecewise(long[] boundaries, double[] rates) {
        return new Schedules.Piecewise(boundaries, rates);
    }

    /**
     * Performance scheduling: multiplies the rate by {@code factor} whenever {@code metric} has not
     * improved by more than {@code minDelta} for {@code patience} epochs, never going below
     * {@code minRate} (Keras's {@code ReduceLROnPlateau}).
     */
    static PlateauSchedule reduceOnPlateau(double initial, String metric, Direction direction, double factor,
                                           int patience, double minDelta, double minRate) {
        return new PlateauSchedule(initial, metric, direction, factor, patience, minDelta, minRate);
    }

    /**
     * One-cycle scheduling (Smith 2018, "A disciplined approach to neural network hyper-parameters"):
     * linear from {@code maxRate/10} up to {@code maxRate} over the first 45% of the steps, back down
     * over the next 45%, then linear down to {@code maxRate/10000} over the last 10%.
     */
    static LearningRateSchedule oneCycle(double maxRate, long totalSteps) {
        return new Schedules.OneCycle(maxRate, totalSteps);
    }

    /**
     * Cosine annealing without restarts (Loshchilov and Hutter 2017, SGDR):
     * {@code min + (η0 - min)·(1 + cos(π·t/T))/2}, staying at {@code minRate} after T steps.
     */
    static LearningRateSchedule cosine(double initial, long totalSteps, double minRate) {
        return new Schedules.Cosine(initial, totalSteps, minRate);
    }

    /**
     * Linear warm-up (Goyal et al. 2017): the first {@code warmupSteps} updates (steps 0 to
     * {@code warmupSteps - 1}) run below {@code after}'s rate, at {@code after.rate(t) · (t + 1) / (warmupSteps + 1)},
     * and step {@code warmupSteps} is the first at the full rate, so even a one-step warm-up starts at half
     * the rate. Like Keras's warm-up, the ramp is linear and ends where the warm-up does; unlike it, no
     * update runs at rate 0 (PyTorch's {@code LinearLR} with {@code start_factor = 1 / (warmupSteps + 1)}).
     * Epoch notifications pass through.
     */
    static LearningRateSchedule warmUp(LearningRateSchedule after, long warmupSteps) {
        return new Schedules.WarmUp(after, warmupSteps);
    }
}
