package io.tunelab.tracker.filter;

import java.util.function.Function;

/**
 * A named value of a table row: a {@link Double}, a {@link String}, or null when the row has none.
 *
 * @param name   the field reference as written, e.g. {@code lr} or {@code val_loss.min}
 * @param metric the metric series the field reads, or null
 * @param read   reads the value from a row
 */
public record Field(String name, String metric, Function<TrialView, Object> read) {

    public Object of(TrialView row) {
        return read.apply(row);
    }
}
