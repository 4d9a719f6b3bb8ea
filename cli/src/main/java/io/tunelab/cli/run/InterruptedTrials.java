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
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Trials that Ctrl-C ended are run again, in their place, when the study is run again, so that a DJL
 * trial with {@code checkpoint_every} continues from its last checkpoint (through {@code retry_of}, as
 * the retry of a stale trial does). In two steps, because a finished trial's system attributes cannot
 * be set: while Ctrl-C ends a trial that the study's {@link RetryPolicy} lets be retried, {@link #marks}
 * marks it {@code superseded} (so the budget no longer counts it) before it becomes FAIL
 * "interrupted"; when the study runs again, {@link #retry} enqueues, for each such trial that no trial
 * retries yet, a retry with the same parameters and the system attributes {@code retry_of} and
 * {@code retry_count}. Meant for {@code tunelab run}, one process at a time: two runs starting at the
 * same moment could both enqueue a retry. Stateless.
 */
final class InterruptedTrials {
    private static final String RETRY_COUNT = "retry_count";

    private InterruptedTrials() {
    }

    /** The system attributes to set on a trial Ctrl-C is ending: {@code superseded} when {@code policy} allows its retry. */
    static Function<FrozenTrial, Map<String, Object>> marks(RetryPolicy policy) {
        return t -> policy.allows(retries(t)) ? Map.of(TrialStorage.SUPERSEDED, true) : Map.of();
    }

    /** Enqueues the retries of the interrupted trials {@link #marks} marked; returns the numbers of the trials retried. */
    static List<Integer> retry(TrialStorage storage, Study study) {
        List<FrozenTrial> all = storage.trials(study.studyId(), EnumSet.allOf(TrialState.class));
        Set<Integer> retried = all.stream().map(t -> t.systemAttrs().get(TrialStorage.RETRY_OF))
                .filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).collect(Collectors.toSet());
        List<Integer> enqueued = new ArrayList<>();
        for (FrozenTrial t : all) {
            if (t.state() != TrialState.FAIL || !Objects.equals(t.message(), StudyRunner.INTERRUPTED)
                    || !Boolean.TRUE.equals(t.systemAttrs().get(TrialStorage.SUPERSEDED)) || retried.contains(t.number())) {
                continue;
            }
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put(TrialStorage.RETRY_OF, t.number());
            attrs.put(RETRY_COUNT, retries(t) + 1);
            study.enqueueTrial(t.params(), attrs);
            enqueued.add(t.number());
        }
        return enqueued;
    }

    private static int retries(FrozenTrial t) {
        return t.systemAttrs().get(RETRY_COUNT) instanceof Number n ? n.intValue() : 0;
    }
}
