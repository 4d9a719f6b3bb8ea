package io.tunelab.tracker.liveness;

import io.tunelab.tracker.TrackerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How often a trial whose worker stopped responding is enqueued again with the same parameters.
 * Kept as the study system attribute {@value #ATTR}, e.g. {@code {"max_retries": 2}}; a study without
 * it retries nothing. A retry records {@code retry_of} (the failed trial's number) and
 * {@code retry_count}; a chain stops after {@code maxRetries} retries.
 *
 * @param maxRetries retries allowed per original trial, 0 or more
 */
public record RetryPolicy(int maxRetries) {
    /** The study system attribute holding the policy. */
    public static final String ATTR = "retry_policy";

    public RetryPolicy {
        if (maxRetries < 0) {
            throw TrackerException.invalid("max_retries must be 0 or more, got " + maxRetries);
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

    /** The attribute value to store on a study. */
    public Map<String, Object> toAttr() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_retries", maxRetries);
        return m;
    }
}
