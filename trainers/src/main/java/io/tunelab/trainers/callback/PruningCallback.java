package io.tunelab.trainers.callback;

import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;

/**
 * Reports the monitored metric to the trial after every epoch (step = epoch) and asks the study's
 * pruner whether to go on; when it says no, throws {@link TrialPrunedException}, which stops training
 * and ends the trial as PRUNED (Optuna's pruning integrations). Stateless apart from its trial.
 */
public final class PruningCallback implements TrainingCallback {
    private final Trial trial;
    private final Monitor monitor;

    public PruningCallback(Trial trial, Monitor monitor) {
        this.trial = trial;
        this.monitor = monitor;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
        double value = monitor.value(metrics);
        trial.report(metrics.epoch(), value);
        if (trial.shouldPrune()) {
            throw new TrialPrunedException("pruned after epoch " + metrics.epoch() + " with " + monitor.metric() + " " + value);
        }
    }
}
