package io.tunelab.search.study;

import io.tunelab.search.SearchException;
import io.tunelab.search.storage.TrialBudget;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Stops a study whose first trials all fail the same way, study-wide: when the first {@code n} trials of the
 * study to finish (in its storage, by end time, from every process working on it, counting from trial
 * {@value #FROM} on and leaving out trials superseded by their retry) are all FAIL with the same message (the
 * error's message, after its kind for errors not Tunelab's own, e.g. {@code IOException: ...}), it {@linkplain Study#stop() stops}
 * the study and records the reason as the study system attribute {@value #ATTR} ({@code {reason, trials}}).
 * Every other process's callback sees that record after its next trial and stops its study too. A trial that
 * completes or is pruned among the first {@code n}, or a different failure, disarms it for good. Running
 * trials finish normally. Thread-safe; a new run of the study ({@link #restart}) is judged on its new trials.
 */
public final class FailFast implements TrialCallback {
    /** Study system attribute holding why the study was stopped: {@code {reason: ..., trials: n}}; empty when not stopped. */
    public static final String ATTR = "stopped";
    /** Study system attribute: the number of the first trial the rule judges (the study's size when its run began). */
    public static final String FROM = "fail_fast_from";

    private static final EnumSet<TrialState> FINISHED = EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL);

    private final int n;
    private String message;
    private boolean disarmed;
    private volatile String reason;

    /** Stops after {@code n} identical failures in a row from the start; 0 never stops. */
    public FailFast(int n) {
        if (n < 0) {
            throw new SearchException("fail_fast must be 0 (off) or more, got " + n);
        }
        this.n = n;
        this.disarmed = n == 0;
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial) {
        Map<String, Object> attrs;
        synchronized (this) {
            if (disarmed || reason != null) {
                return;
            }
            attrs = study.systemAttrs();
            Optional<String> elsewhere = recordedReason(attrs);
            if (elsewhere.isPresent()) { // another process judged the study's first trials
                reason = elsewhere.get();
                study.stop();
                return;
            }
            List<FrozenTrial> first = firstFinished(study, attrs.get(FROM) instanceof Number from ? from.intValue() : 0);
            for (FrozenTrial t : first) {
                if (t.state() != TrialState.FAIL || !Objects.equals(first.get(0).message(), t.message())) {
                    disarmed = true;
                    return;
                }
            }
            if (first.size() < n) {
                return;
            }
            message = first.get(0).message();
            reason = "the first " + n + " trials all failed with the same error: " + message;
            // Stopped while this process's other slots wait on this lock, so none of them asks for another trial first.
            study.stop();
        }
        Map<String, Object> stopped = new LinkedHashMap<>();
        stopped.put("reason", reason);
        stopped.put("trials", n);
        study.storage().setStudySystemAttr(study.studyId(), ATTR, stopped);
    }

    /** The study's first {@code n} finished trials numbered {@code from} or more, by end time, retried ones left out. */
    private List<FrozenTrial> firstFinished(Study study, int from) {
        return study.storage().trials(study.studyId(), FINISHED).stream()
                .filter(t -> t.number() >= from && TrialBudget.counts(t))
                .sorted(Comparator.comparing((FrozenTrial t) -> t.end() == null ? Instant.MAX : t.end())
                        .thenComparingInt(FrozenTrial::number))
                .limit(n).toList();
    }

    /** Why this callback stopped the study (or saw it stopped by another process), if it did. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The error the failing trials shared, if this callback stopped the study. */
    public Optional<String> error() {
        synchronized (this) {
            return Optional.ofNullable(message);
        }
    }

    /** The reason recorded with {@code study} when a fail-fast rule stopped it, if it was and has not been resumed since. */
    public static Optional<String> recordedReason(StudyView study) {
        return recordedReason(study.systemAttrs());
    }

    private static Optional<String> recordedReason(Map<String, Object> studyAttrs) {
        return studyAttrs.get(ATTR) instanceof Map<?, ?> m && m.get("reason") instanceof String s
                ? Optional.of(s) : Optional.empty();
    }

    /** Clears a recorded stop (a new run resumes the study). */
    public static void clear(Study study) {
        if (recordedReason(study).isPresent()) {
            study.storage().setStudySystemAttr(study.studyId(), ATTR, Map.of());
        }
    }

    /**
     * Begins a new run of {@code study}: clears a recorded stop and has the rule judge only trials from the next
     * one on ({@value #FROM}), so that a resumed study is judged on its new trials by every process.
     */
    public static void restart(Study study) {
        clear(study);
        study.storage().setStudySystemAttr(study.studyId(), FROM, study.trials().size());
    }
}
