package io.tunelab.search.pruner;

/**
 * A pruner's verdict on a trial at its latest step, with the evidence, so users can see why a trial
 * was stopped.
 *
 * @param prune     whether to stop the trial
 * @param step      the step judged, or -1 when there was nothing to judge
 * @param value     the trial's value at that step (NaN if none)
 * @param threshold the value it was compared with (NaN if none)
 * @param reason    a sentence for humans, e.g. "value 0.61 at step 3 is worse than the median 0.72 of 9 trials"
 */
public record PruneDecision(boolean prune, int step, double value, double threshold, String reason) {

    /** Continue, with a reason. */
    public static PruneDecision keep(String reason) {
        return new PruneDecision(false, -1, Double.NaN, Double.NaN, reason);
    }

    /** Continue after comparing {@code value} at {@code step} with {@code threshold}. */
    public static PruneDecision keep(int step, double value, double threshold, String reason) {
        return new PruneDecision(false, step, value, threshold, reason);
    }

    /** Stop. */
    public static PruneDecision prune(int step, double value, double threshold, String reason) {
        return new PruneDecision(true, step, value, threshold, reason);
    }
}
