package io.tunelab.search.pruner;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stops a trial whose best intermediate value so far is worse than the median of the COMPLETE trials'
 * values at the same step (PRUNED trials never count, as in Optuna): the {@link PercentilePruner} at the
 * 50th percentile, with the same rules for startup trials, warm-up, interval and minimum trials, and steps
 * counted from {@code firstStep} the same way (0, as in Optuna, by default; 1 for epochs numbered from 1).
 * Immutable and thread-safe.
 *
 * @param startupTrials COMPLETE trials needed before anything is pruned, {@code >= 0}
 * @param warmupSteps   the first this many steps from {@code firstStep} are never pruned, {@code >= 0}
 * @param intervalSteps pruning happens every this many steps after the warm-up, {@code >= 1}
 * @param minTrials     COMPLETE trials' values needed at a step to judge it, {@code >= 1}
 * @param firstStep     the step steps count from: 0 (Optuna's), or 1 for epochs numbered from 1, {@code >= 0}
 */
public record MedianPruner(int startupTrials, int warmupSteps, int intervalSteps, int minTrials, int firstStep)
        implements Pruner {

    public MedianPruner {
        // validated by the same rules, with the same messages, as the percentile pruner
        new PercentilePruner(50, startupTrials, warmupSteps, intervalSteps, minTrials, firstStep);
    }

    /** Steps counted from 0, as in Optuna. */
    public MedianPruner(int startupTrials, int warmupSteps, int intervalSteps, int minTrials) {
        this(startupTrials, warmupSteps, intervalSteps, minTrials, 0);
    }

    /** Optuna's defaults: 5 startup trials, no warm-up, every step, one value needed. */
    public MedianPruner() {
        this(5, 0, 1, 1);
    }

    public MedianPruner withStartupTrials(int n) {
        return new MedianPruner(n, warmupSteps, intervalSteps, minTrials, firstStep);
    }

    public MedianPruner withWarmupSteps(int n) {
        return new MedianPruner(startupTrials, n, intervalSteps, minTrials, firstStep);
    }

    public MedianPruner withIntervalSteps(int n) {
        return new MedianPruner(startupTrials, warmupSteps, n, minTrials, firstStep);
    }

    public MedianPruner withMinTrials(int n) {
        return new MedianPruner(startupTrials, warmupSteps, intervalSteps, n, firstStep);
    }

    /** The same pruner with steps counted from {@code step}: 1 for epochs numbered from 1. */
    public MedianPruner withFirstStep(int step) {
        return new MedianPruner(startupTrials, warmupSteps, intervalSteps, minTrials, step);
    }

    private PercentilePruner asPercentile() {
        return new PercentilePruner(50, startupTrials, warmupSteps, intervalSteps, minTrials, firstStep);
    }

    @Override
    public PruneDecision evaluate(StudyView study, FrozenTrial trial) {
        return asPercentile().judge(study, trial, "median");
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("type", "median");
        asPercentile().putOptions(d);
        return d;
    }
}
