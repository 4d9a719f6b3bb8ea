package io.tunelab.spec;

import java.util.Map;

/**
 * The data a trainer reads.
 *
 * @param dataset the dataset name or path, e.g. {@code fashion-mnist}
 * @param options every other key of the {@code data} section in file order, as plain Java values;
 *                {@code valid_split} and {@code test_split}, when present, have been checked to be a
 *                count ({@code Integer} &gt;= 1) or a fraction ({@code Double} in (0, 1)); the rest is
 *                checked by the trainer
 */
public record DataSpec(String dataset, Map<String, Object> options) {
    public DataSpec {
        options = Options.copy(options);
    }
}
