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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a study is run again, the trials an earlier run's Ctrl-C (or exit) ended as FAIL "interrupted"
 * ({@link StudyRunner#INTERRUPTED}, or the storage's own message when its exit hook ended the trial first).
 * A tracker storage enqueues their retries itself when it ends them (as for stale trials: same parameters,
 * {@code retry_of}, {@code retry_count}, the interrupted trial marked {@code superseded} so it no longer counts
 * toward the budget); such a trial whose retry still waits is reported here. For one that no trial retries yet
 * (a storage that does not retry, or trials of older versions) a retry is enqueued here, within the study's
 * {@link RetryPolicy}; it then stays FAIL and keeps counting towards the budget (a finished trial's system
 * attributes cannot be set). A DJL trial with {@code checkpoint_every} continues from the interrupted trial's last
 * checkpoint, as the retry of a stale trial does. Meant for {@code tunelab run}, one process at a time: two runs
 * starting at the same moment could both enqueue a retry. Stateless.
 */
final class InterruptedTrials {
    private static final String RETRY_COUNT = "retry_count";

    private InterruptedTrials() {
    }

    /** Enqueues the missing retries; returns the numbers of the interrupted trials whose retry is still to run. */
    static List<Integer> retry(TrialStorage storage, Study study) {
        RetryPolicy policy = RetryPolicy.of(storage.study(study.studyId()).systemAttrs());
        List<FrozenTrial> all = storage.trials(study.studyId(), EnumSet.allOf(TrialState.class));
        Set<Integer> retried = all.stream().map(t -> t.systemAttrs().get(TrialStorage.RETRY_OF))
                .filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).collect(Collectors.toSet());
        Set<Integer> waiting = all.stream().filter(t -> t.state() == TrialState.WAITING).map(FrozenTrial::number)
                .collect(Collectors.toSet());
        List<Integer> enqueued = new ArrayList<>();
        for (FrozenTrial t : all) {
            int retries = t.systemAttrs().get(RETRY_COUNT) instanceof Number n ? n.intValue() : 0;
            boolean interrupted = t.state() == TrialState.FAIL && t.message() != null && t.message().startsWith("interrupted");
            if (interrupted && t.systemAttrs().get("retried_by") instanceof Number by && waiting.contains(by.intValue())) {
                enqueued.add(t.number()); // retried by the storage when it ended the trial; the retry is still to run
                continue;
            }
            if (!interrupted || retried.contains(t.number()) || !policy.allows(retries)) {
                continue;
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put(TrialStorage.RETRY_OF, t.number());
            attrs.put(RETRY_COUNT, retries + 1);
            storage.createWaitingTrial(study.studyId(), t.params(), attrs);
            enqueued.add(t.number());
        }
        return enqueued;
    }
}
