package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.util.Objects;
import java.util.Set;

/**
 * How to read a CSV file into a {@link Table}.
 *
 * @param target      name of the target column (required, must be in the header)
 * @param task        whether the target holds class labels or real values
 * @param categorical columns read as categorical even when every value parses as a number; other
 *                    columns are numeric when all their non-missing cells parse as numbers, else categorical
 * @param delimiter   field separator, {@code ,} by default
 * @param strictNumeric whether every column not listed in {@code categorical} must be numeric: a cell that
 *                    is neither missing nor a finite number is then an error naming its line and column,
 *                    rather than making its column categorical
 * @param dropped     columns left out, as if the file did not have them (they must be in the header)
 * @param notNumeric  what a message about a cell that is not a number advises, {@code %s} standing for its column
 */
public record CsvOptions(String target, Task task, Set<String> categorical, char delimiter, boolean strictNumeric,
                         Set<String> dropped, String notNumeric) {
    private static final String LIST_AS_CATEGORICAL = "or list the column as categorical";

    public CsvOptions {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(notNumeric, "notNumeric");
        categorical = Set.copyOf(categorical);
        dropped = Set.copyOf(dropped);
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new TrainersException("CSV delimiter must not be a quote or a line break, got '" + delimiter + "'");
        }
    }

    /** A class target in column {@code target}, comma-separated. */
    public static CsvOptions classification(String target) {
        return new CsvOptions(target, Task.CLASSIFICATION, Set.of(), ',', false, Set.of(), LIST_AS_CATEGORICAL);
    }

    /** A real-valued target in column {@code target}, comma-separated. */
    public static CsvOptions regression(String target) {
        return new CsvOptions(target, Task.REGRESSION, Set.of(), ',', false, Set.of(), LIST_AS_CATEGORICAL);
    }

    public CsvOptions withCategorical(String... columns) {
        return new CsvOptions(target, task, Set.of(columns), delimiter, strictNumeric, dropped, notNumeric);
    }

    public CsvOptions withDelimiter(char d) {
        return new CsvOptions(target, task, categorical, d, strictNumeric, dropped, notNumeric);
    }

    public CsvOptions withStrictNumeric(boolean on) {
        return new CsvOptions(target, task, categorical, delimiter, on, dropped, notNumeric);
    }

    /** These options, leaving {@code columns} out. */
    public CsvOptions withDropped(String... columns) {
        return new CsvOptions(target, task, categorical, delimiter, strictNumeric, Set.of(columns), notNumeric);
    }

    /** These options, advising {@code advice} ({@code %s} for the column) about a cell that is not a number. */
    public CsvOptions withNotNumericAdvice(String advice) {
        return new CsvOptions(target, task, categorical, delimiter, strictNumeric, dropped, advice);
    }
}
