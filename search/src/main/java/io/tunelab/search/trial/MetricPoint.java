package io.tunelab.search.trial;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a per-step scalar series (loss, accuracy, learning rate...).
 *
 * @param name     series name, non-blank
 * @param step     step (epoch, batch...) the value belongs to
 * @param value    the value; NaN and infinities are kept as they are
 * @param wallTime when it was logged
 */
public record MetricPoint(String name, long step, double value, Instant wallTime) {
    public MetricPoint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(wallTime, "wallTime");
    }
}
