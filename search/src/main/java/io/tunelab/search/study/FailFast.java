package io.tunelab.search.study;

import io.tunelab.search.SearchException;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Stops a study whose first trials all fail the same way: when the first {@code n} trials that finish
 * under this callback are all FAIL with the same message (the message starts with the error's kind,
 * e.g. {@code TrainersException: ...}), it {@linkplain Study#stop() stops} the study and records the
 * reason as the study system attribute {@value #ATTR} ({@code {reason, trials}}). A trial that completes
 * or is pruned among the first {@code n}, or a different failure, disarms it for good. Running trials
 * finish normally. Thread-safe; one per run, so a resumed study is judged on its new trials.
 */
public final class FailFast implements TrialCallback {
    /** Study system attribute holding why the study was stopped: {@code {reason: ..., trials: n}}; empty when not stopped. */
    public static final String ATTR = "stopped";

    private final int n;
    private int seen;
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
        synchronized (this) {
            if (disarmed || reason != null) {
                return;
            }
            seen++;
            if (trial.state() != TrialState.FAIL || (message != null && !message.equals(trial.message()))) {
                disarmed = true;
                return;
            }
            message = trial.message();
            if (seen < n) {
                return;
            }
            reason = "the first " + n + " trials all failed with the same error: " + message;
            // Stopped while other workers' callbacks wait on this lock, so none of them asks for another trial first.
            study.stop();
        }
        Map<String, Object> stopped = new LinkedHashMap<>();
        stopped.put("reason", reason);
        stopped.put("trials", n);
        study.storage().setStudySystemAttr(study.studyId(), ATTR, stopped);
    }

    /** Why this callback stopped the study, if it did. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The error the failing trials shared, if this callback stopped the study. */
    public Optional<String> error() {
        synchronized (this) {
            return reason == null ? Optional.empty() : Optional.of(message);
        }
    }

    /** The reason recorded with {@code study} when a fail-fast rule stopped it, if it was and has not been resumed since. */
    public static Optional<String> recordedReason(StudyView study) {
        return study.systemAttrs().get(ATTR) instanceof Map<?, ?> m && m.get("reason") instanceof String s
                ? Optional.of(s) : Optional.empty();
    }

    /** Clears a recorded stop (a new run resumes the study). */
    public static void clear(Study study) {
        if (recordedReason(study).isPresent()) {
            study.storage().setStudySystemAttr(study.studyId(), ATTR, Map.of());
        }
    }
}
