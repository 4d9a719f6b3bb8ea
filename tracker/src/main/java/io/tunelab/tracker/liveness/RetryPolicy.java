package io.tunelab.tracker.liveness;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.TrackerException;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often a trial whose worker stopped responding is enqueued again with the same parameters.
 * Kept as the study system attribute {@value #ATTR}, e.g. {@code {"max_retries": 2}}; a study without
 * it retries nothing. A retry records {@code retry_of} (the failed trial's number) and
 * {@code retry_count}; a chain stops after {@code maxRetries} retries, and its last trial's message says
 * its retries are exhausted. Every process reaping the study's trials reads the same attribute, so
 * they all apply the same limit. Studies created from a study file record {@code heartbeat.max_retries}
 * ({@value #DEFAULT_MAX_RETRIES} unless the file says otherwise); from Java, {@link #recordOn} sets it.
 *
 * @param maxRetries retries allowed per original trial, 0 (never retry) or more
 */
public record RetryPolicy(int maxRetries) implements Serializable {
    /** The study system attribute holding the policy. */
    public static final String ATTR = "retry_policy";
    /** Retries of studies created from a study file (or by {@code SparkStudyRunner}) that do not set a limit. */
    public static final int DEFAULT_MAX_RETRIES = 2;
    /** {@value #DEFAULT_MAX_RETRIES} retries. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(DEFAULT_MAX_RETRIES);
    private static final long serialVersionUID = 1L;

    public RetryPolicy {
        if (maxRetries < 0) {
            throw TrackerException.invalid("max_retries: expected 0 (never retry) or more, got " + maxRetries);
        }
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0);
    }

    /** The policy in a study's system attributes, or {@link #none()}. */
    public static RetryPolicy of(Map<String, Object> studyAttrs) {
        return fromAttr(studyAttrs.get(ATTR));
    }

    /** Parses the attribute value ({@code {"max_retries": n}}); null means none. */
    public static RetryPolicy fromAttr(Object value) {
        if (value == null) {
            return none();
        }
        if (value instanceof Map<?, ?> m && m.get("max_retries") instanceof Number n) {
            return new RetryPolicy(n.intValue());
        }
        throw TrackerException.invalid("study attribute " + ATTR + " must look like {\"max_retries\": 2}, got " + value);
    }

    /** Whether a trial that is already the {@code retriesSoFar}-th retry may be retried once more. */
    public boolean allows(int retriesSoFar) {
        return retriesSoFar < maxRetries;
    }

    /**
     * The end of a stale trial's message when this policy does not retry it, given that it is the
     * {@code retriesSoFar}-th retry, e.g. {@code "retries exhausted (2 of max_retries 2)"}.
     */
    public String exhausted(int retriesSoFar) {
        return maxRetries == 0 ? "not retried (max_retries 0)"
                : "retries exhausted (" + retriesSoFar + " of max_retries " + maxRetries + ")";
    }

    /** Makes this the policy of study {@code studyId} in {@code storage}, for every process reaping its trials. */
    public void recordOn(TrialStorage storage, long studyId) {
        storage.setStudySystemAttr(studyId, ATTR, toAttr());
    }

    /** The attribute value to store on a study. */
    public Map<String, Object> toAttr() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_retries", maxRetries);
        return m;
    }
}
