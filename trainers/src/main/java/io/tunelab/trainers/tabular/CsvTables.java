package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads CSV files with a header row into {@link Table}s. Cells in {@link #MISSING} (empty, {@code NA},
 * {@code NaN}, {@code n/a}, {@code null}, {@code None}, {@code ?} and the like, as pandas' default
 * {@code na_values}) are missing. A column is numeric when every non-missing cell parses as a finite number
 * and it is not listed in {@link CsvOptions#categorical()}; otherwise it is categorical (with
 * {@link CsvOptions#strictNumeric()}, a non-number in an unlisted column is an error instead). A missing
 * target is an error. Errors name the line a bad record starts on. Stateless.
 */
public final class CsvTables {
    /**
     * The cells read as missing values, in the order messages list them: the empty cell, pandas' default
     * {@code na_values} that a hand-edited or exported file commonly holds, and {@code ?} (the UCI files' mark).
     * Case matters, as in pandas: {@code Null} is a word.
     */
    public static final Set<String> MISSING = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "", "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "None", "?")));

    /** {@link #MISSING} as a message shows it: {@code empty, NA, N/A, ...}. */
    public static String missingTokens() {
        return MISSING.stream().map(t -> t.isEmpty() ? "empty" : t).collect(Collectors.joining(", "));
    }

    private CsvTables() {
    }

    /** Reads {@code file} (UTF-8); the table is named after the file. */
    public static Table read(Path file, CsvOptions options) {
        if (!Files.isRegularFile(file)) {
            throw new TrainersException("no such file " + file + "; expected a CSV file (a relative path is read from the"
                    + " working directory " + Path.of("").toAbsolutePath() + ")");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses CSV text from {@code in}; the caller closes it. */
    public static Table parse(String name, Reader in, CsvOptions options) throws IOException {
        List<Integer> lines = new ArrayList<>();
        List<String[]> records = CsvParser.parse(in instanceof BufferedReader ? in : new BufferedReader(in),
                options.delimiter(), lines);
        if (records.isEmpty()) {
            throw new TrainersException("CSV '" + name + "' is empty; expected a header row");
        }
        String[] header = records.get(0);
        List<String[]> rows = records.subList(1, records.size());
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != header.length) {
                throw new TrainersException("CSV '" + name + "' line " + lines.get(r + 1) + ": record " + (r + 2) + " has "
                        + rows.get(r).length + " fields, but the header has " + header.length);
            }
        }
        int targetColumn = List.of(header).indexOf(options.target());
        if (targetColumn < 0) {
            throw new TrainersException("CSV '" + name + "' has no target column '" + options.target()
                    + "'; header is " + List.of(header));
        }
        Set<String> unknown = new HashSet<>(options.categorical());
        unknown.removeAll(List.of(header));
        if (!unknown.isEmpty()) {
            throw new TrainersException("CSV '" + name + "' has no column(s) " + unknown + " named as categorical");
        }
        Set<String> absent = new HashSet<>(options.dropped());
        absent.removeAll(List.of(header));
        if (!absent.isEmpty()) {
            throw new TrainersException("CSV '" + name + "' has no column(s) " + absent + " to drop; header is "
                    + List.of(header));
        }
        TableBuilder builder = Table.builder(name);
        for (int c = 0; c < header.length; c++) {
            if (options.dropped().contains(header[c]) && c != targetColumn) {
                continue;
            }
            String[] cells = column(rows, c);
            if (c == targetColumn) {
                checkTargetPresent(name, header[c], c, cells, lines);
                addTarget(builder, name, header[c], cells, options.task(), lines);
            } else if (!options.categorical().contains(header[c]) && options.strictNumeric()) {
                builder.numeric(header[c], strictNumbers(name, header[c], c, cells, lines, options.notNumeric()));
            } else if (!options.categorical().contains(header[c]) && isNumeric(cells)) {
                builder.numeric(header[c], numbers(cells));
            } else {
                for (int r = 0; r < cells.length; r++) {
                    cells[r] = MISSING.contains(cells[r]) ? null : cells[r];
                }
                builder.categorical(header[c], cells);
            }
        }
        return builder.build();
    }

    /** A row without a target cannot be trained on nor imputed: the first missing one is an error naming its place. */
    private static void checkTargetPresent(String name, String column, int c, String[] cells, List<Integer> lines) {
        for (int r = 0; r < cells.length; r++) {
            if (MISSING.contains(cells[r])) {
                throw new TrainersException("CSV '" + name + "' line " + lines.get(r + 1) + ", column " + (c + 1) + " ('"
                        + column + "'): the target is missing ('" + cells[r] + "'); every row needs a target value"
                        + " (only features are imputed), so fill it in or drop the row");
            }
        }
    }

    private static void addTarget(TableBuilder builder, String name, String column, String[] cells, Task task,
                                  List<Integer> lines) {
        if (task == Task.CLASSIFICATION) {
            builder.classTarget(column, cells);
            return;
        }
        double[] values = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            Double v = parse(cells[r]);
            if (v == null) {
                throw new TrainersException("CSV '" + name + "' line " + lines.get(r + 1) + ": regression target '" + column
                        + "' holds '" + cells[r] + "' in record " + (r + 2) + "; expected a finite number");
            }
            values[r] = v;
        }
        builder.regressionTarget(column, values);
    }

    private static String[] column(List<String[]> rows, int c) {
        String[] cells = new String[rows.size()];
        for (int r = 0; r < cells.length; r++) {
            cells[r] = rows.get(r)[c].strip();
        }
        return cells;
    }

    private static boolean isNumeric(String[] cells) {
        for (String cell : cells) {
            if (!MISSING.contains(cell) && parse(cell) == null) {
                return false;
            }
        }
        return true;
    }

    /** The cells of a column that must be numeric; the first that is not is an error naming line and column. */
    private static double[] strictNumbers(String name, String column, int c, String[] cells, List<Integer> lines,
                                          String advice) {
        for (int r = 0; r < cells.length; r++) {
            if (!MISSING.contains(cells[r]) && parse(cells[r]) == null) {
                throw new TrainersException("CSV '" + name + "' line " + lines.get(r + 1) + ", column " + (c + 1) + " ('"
                        + column + "'): '" + cells[r] + "' is not a number; expected a finite number or a missing value"
                        + " (" + missingTokens() + "), " + advice.formatted(column));
            }
        }
        return numbers(cells);
    }

    private static double[] numbers(String[] cells) {
        double[] values = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            values[r] = MISSING.contains(cells[r]) ? Double.NaN : parse(cells[r]);
        }
        return values;
    }

    private static Double parse(String cell) {
        try {
            double v = Double.parseDouble(cell);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
