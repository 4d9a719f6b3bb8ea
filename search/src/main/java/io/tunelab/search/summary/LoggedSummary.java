package io.tunelab.search.summary;

import java.time.Instant;
import java.util.Objects;

/**
 * A non-scalar summary a trial logged at a step: a histogram, text, image or PR curve. Checked against
 * {@link SummaryLimits} on construction, so that an over-large value fails where it is logged.
 *
 * @param tag      the series it belongs to (like a metric name), non-blank, without NUL (U+0000), at most
 *                 {@value SummaryLimits#MAX_TAG} characters
 * @param step     step (epoch, batch...) it belongs to
 * @param wallTime when it was logged
 * @param value    the summary
 */
public record LoggedSummary(String tag, long step, Instant wallTime, SummaryValue value) {
    public LoggedSummary {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(wallTime, "wallTime");
        Objects.requireNonNull(value, "value");
        SummaryLimits.check(tag, step, value);
    }

    public SummaryKind kind() {
        return value.kind();
    }
}
