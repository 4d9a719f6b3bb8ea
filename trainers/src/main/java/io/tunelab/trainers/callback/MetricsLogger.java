package io.tunelab.trainers.callback;

import io.tunelab.search.trial.Trial;

/**
 * Logs every epoch's metrics ({@link EpochMetrics#asMap}: loss, accuracy, val_loss, val_accuracy, lr, epoch_time,
 * samples_per_s, cpu_time; for a regressor val_rmse, val_mae, val_r2 instead of the accuracies) to the trial at
 * step = epoch, for the tracker and the dashboard.
 * A logging failure is logged and ignored (see {@link TrainingCallback}). Stateless apart from its trial.
 */
public final class MetricsLogger implements TrainingCallback {
    private final Trial trial;

    public MetricsLogger(Trial trial) {
        this.trial = trial;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        trial.log(metrics.epoch(), metrics.asMap());
    }
}
