package io.tunelab.search.trial;

/** Life cycle of a trial: WAITING (enqueued) → RUNNING → COMPLETE, PRUNED or FAIL. */
public enum TrialState {
    RUNNING, COMPLETE, PRUNED, FAIL, WAITING;

    /** Whether the trial has ended and can no longer change. */
    public boolean isFinished() {
        return this == COMPLETE || this == PRUNED || this == FAIL;
    }
}
