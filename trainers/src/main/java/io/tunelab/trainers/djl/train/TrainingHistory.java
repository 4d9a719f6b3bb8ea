package io.tunelab.trainers.djl.train;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.Monitor;
import java.util.List;

/**
 * The metrics of every epoch of a finished run, and why it stopped early if it did.
 *
 * @param epochs     one entry per completed epoch, in order
 * @param stopReason why it stopped before its planned epochs, or null
 */
public record TrainingHistory(List<EpochMetrics> epochs, String stopReason) {
    public TrainingHistory {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's metrics. */
    public EpochMetrics last() {
        if (epochs.isEmpty()) {
            throw new TrainersException("no epoch completed");
        }
        return epochs.get(epochs.size() - 1);
    }

    /** The epoch with the best monitored value (the first among equals); NaN values never win. */
    public EpochMetrics best(Monitor monitor) {
        EpochMetrics best = null;
        for (EpochMetrics e : epochs) {
            if (best == null || monitor.improves(monitor.value(e), monitor.value(best), 0)) {
                best = e;
            }
        }
        if (best == null) {
            throw new TrainersException("no epoch completed");
        }
        return best;
    }
}
