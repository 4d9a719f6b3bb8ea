package io.tunelab.cli.run;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.liveness.RetryPolicy;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a study is run again, re-enqueues the trials an earlier run's Ctrl-C (or exit) ended as FAIL
 * "interrupted", as the stale-trial reaper does for a dead worker's trial: the retry gets the same
 * parameters and the system attributes {@code retry_of} and {@code retry_count}, the interrupted trial
 * {@code retried_by} and {@code superseded=true} (so the budget counts the retry instead), within the
 * study's {@link RetryPolicy}. A retried DJL trial with {@code checkpoint_every} then continues from its
 * last checkpoint. Meant for {@code tunelab run}, one process at a time: two runs starting at the same
 * moment could both enqueue a retry. Stateless.
 */
final class InterruptedTrials {
    private InterruptedTrials() {
    }

    /** Enqueues the retries; returns the numbers of the interrupted trials retried. */
    static List<Integer> retry(TrialStorage storage, Study study) {
        RetryPolicy policy = RetryPolicy.of(storage.study(study.studyId()).systemAttrs());
        List<Integer> retried = new ArrayList<>();
        for (FrozenTrial t : storage.trials(study.studyId(), EnumSet.of(TrialState.FAIL))) {
            Map<String, Object> attrs = t.systemAttrs();
            boolean interrupted = t.message() != null && t.message().startsWith("interrupted");
            int retries = attrs.get("retry_count") instanceof Number n ? n.intValue() : 0;
            if (!interrupted || attrs.containsKey("retried_by") || Boolean.TRUE.equals(attrs.get(TrialStorage.SUPERSEDED))
                    || !policy.allows(retries)) {
                continue;
            }
            Map<String, Object> retryAttrs = new LinkedHashMap<>();
            retryAttrs.put(TrialStorage.RETRY_OF, t.number());
            retryAttrs.put("retry_count", retries + 1);
            FrozenTrial retry = study.enqueueTrial(t.params(), retryAttrs);
            storage.setSystemAttr(t.id(), "retried_by", retry.number());
            storage.setSystemAttr(t.id(), TrialStorage.SUPERSEDED, true);
            retried.add(t.number());
        }
        return retried;
    }
}
