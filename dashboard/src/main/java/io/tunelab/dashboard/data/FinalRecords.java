package io.tunelab.dashboard.data;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;

/**
 * Whether a trial's records (metric names and series, summaries, artifacts) are final, so that the data ports may
 * cache what they read of them: a finished trial's are, except those of a FAIL trial that was retried
 * ({@value TrialStorage#RETRIED_BY}). When such a trial was reaped as stale while its worker still ran, the worker's
 * late result is recorded on the retry, and the tracker moves the reaped trial's series, summaries and artifact
 * records with it (the tracker's LateResults): a cache would go on showing them on the reaped trial. Their reads are
 * never cached, so a move shows at the next read. (A trial is finished and marked retried in one transaction.)
 * Stateless.
 */
final class FinalRecords {
    private FinalRecords() {
    }

    /** Whether {@code t}'s records can no longer change or move to another trial. */
    static boolean of(FrozenTrial t) {
        return t.state().isFinished()
                && !(t.state() == TrialState.FAIL && t.systemAttrs().get(TrialStorage.RETRIED_BY) instanceof Number);
    }
}
