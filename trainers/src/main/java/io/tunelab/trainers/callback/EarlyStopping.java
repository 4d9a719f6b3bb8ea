package io.tunelab.trainers.callback;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.TrainingState;
import io.tunelab.trainers.djl.WeightSnapshot;

/**
 * Stops training when the monitored metric has not improved by more than {@code minDelta} for
 * {@code patience} epochs (Keras's {@code EarlyStopping}; Prechelt 1998). With
 * {@code restoreBestWeights}, the weights of the best epoch are copied aside (in Java memory) whenever
 * the metric improves and put back when training ends, whether it stopped early or ran out of epochs.
 * Not thread-safe; one instance per training run.
 */
public final class EarlyStopping implements ResumableCallback {
    private static final String PREFIX = "early_stopping/";
    private final Monitor monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBestWeights;
    private double best = Double.NaN;
    private int bestEpoch;
    private int lastEpoch;
    private int wait;
    private WeightSnapshot bestWeights;

    public EarlyStopping(Monitor monitor, int patience, double minDelta, boolean restoreBestWeights) {
        if (patience < 1) {
            throw new TrainersException("early-stopping patience must be at least 1 epoch, got " + patience);
        }
        if (!(minDelta >= 0)) {
            throw new TrainersException("early-stopping min delta must be 0 or more, got " + minDelta);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBestWeights = restoreBestWeights;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        double value = monitor.value(metrics);
        lastEpoch = metrics.epoch();
        if (monitor.improves(value, best, minDelta)) {
            best = value;
            bestEpoch = metrics.epoch();
            wait = 0;
            if (restoreBestWeights) {
                bestWeights = context.snapshotWeights();
            }
            return;
        }
        wait++;
        if (wait >= patience) {
            context.requestStop("early stopping: " + monitor.metric() + " did not improve by more than " + minDelta
                    + " for " + patience + " epoch(s); best " + best + " at epoch " + bestEpoch);
        }
    }

    @Override
    public void onTrainEnd(TrainingEnd end, TrainingContext context) {
        if (restoreBestWeights && bestWeights != null && bestEpoch != lastEpoch && end.completed()) {
            context.restoreWeights(bestWeights);
        }
    }

    @Override
    public void saveState(TrainingState state) {
        state.putDoubles(PREFIX + "counters", best, bestEpoch, lastEpoch, wait);
        if (bestWeights != null) {
            bestWeights.writeTo(state, PREFIX + "weights/");
        }
    }

    @Override
    public void restoreState(TrainingState state) {
        double[] c = state.doubles(PREFIX + "counters");
        best = c[0];
        bestEpoch = (int) c[1];
        lastEpoch = (int) c[2];
        wait = (int) c[3];
        bestWeights = state.names(PREFIX + "weights/").isEmpty() ? null : WeightSnapshot.readFrom(state, PREFIX + "weights/");
    }

    /** The best monitored value so far (NaN before the first epoch). */
    public double best() {
        return best;
    }

    /** The epoch of {@link #best()}, 0 before the first epoch. */
    public int bestEpoch() {
        return bestEpoch;
    }
}
