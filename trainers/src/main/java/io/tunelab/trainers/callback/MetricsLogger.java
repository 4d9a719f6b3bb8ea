package io.tunelab.trainers.callback;

import io.tunelab.search.trial.Trial;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Logs every epoch's metrics ({@link EpochMetrics#asMap}: loss, accuracy, val_loss, val_accuracy, lr, epoch_time,
 * samples_per_s, cpu_time; for a regressor val_rmse, val_mae, val_r2 instead of the accuracies) to the trial at
 * step = epoch, for the tracker, the dashboard and {@code fit.tensorboard_dir}. An epoch that a failure ends before
 * its end (a diverged one: {@link DivergenceDetector} stops at a NaN or exploding batch) is logged when training ends,
 * as Keras ends an epoch that {@code TerminateOnNaN} stops: its loss, the mean of its batches so far (NaN or infinite
 * when one was), and its learning rate, so that a diverged trial's curve shows where it went. Placed before the
 * {@link DivergenceDetector}, it sees the batch and the epoch that diverge before the detector throws.
 * A logging failure is logged and ignored (see {@link TrainingCallback}). Not thread-safe; one instance per run.
 */
public final class MetricsLogger implements TrainingCallback {
    private final Trial trial;
    private int epoch;
    private double lossSum;
    private int batches;

    public MetricsLogger(Trial trial) {
        this.trial = trial;
    }

    @Override
    public void onBatchEnd(int epoch, int batch, double loss, TrainingContext context) {
        if (epoch != this.epoch) {
            this.epoch = epoch;
            lossSum = 0;
            batches = 0;
        }
        lossSum += loss;
        batches++;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        batches = 0;
        trial.log(metrics.epoch(), metrics.asMap());
    }

    @Override
    public void onTrainEnd(TrainingEnd end, TrainingContext context) {
        if (!end.completed() && batches > 0) {
            Map<String, Double> partial = new LinkedHashMap<>();
            partial.put("loss", lossSum / batches);
            partial.put("lr", context.learningRate());
            batches = 0;
            trial.log(epoch, partial);
        }
    }
}
