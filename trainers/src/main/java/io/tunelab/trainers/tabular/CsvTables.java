package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads CSV files with a header row into {@link Table}s. Cells that are empty, {@code NA}, {@code NaN}
 * or {@code ?} are missing. A column is numeric when every non-missing cell parses as a finite number
 * and it is not listed in {@link CsvOptions#categorical()}; otherwise it is categorical. Stateless.
 */
public final class CsvTables {
    private static final Set<String> MISSING = Set.of("", "NA", "NaN", "nan", "?");

    private CsvTables() {
    }

    /** Reads {@code file} (UTF-8); the table is named after the file. */
    public static Table read(Path file, CsvOptions options) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(file.getFileName().toString(), in, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Parses CSV text from {@code in}; the caller closes it. */
    public static Table parse(String name, Reader in, CsvOptions options) throws IOException {
        List<String[]> records = CsvParser.parse(in instanceof BufferedReader ? in : new BufferedReader(in),
                options.delimiter());
        if (records.isEmpty()) {
            throw new TrainersException("CSV '" + name + "' is empty; expected a header row");
        }
        String[] header = records.get(0);
        List<String[]> rows = records.subList(1, records.size());
        for (int r = 0; r < rows.size(); r++) {
            if (rows.get(r).length != header.length) {
                throw new TrainersException("CSV '" + name + "' record " + (r + 2) + " has " + rows.get(r).length
                        + " fields, but the header has " + header.length);
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
        TableBuilder builder = Table.builder(name);
        for (int c = 0; c < header.length; c++) {
            String[] cells = column(rows, c);
            if (c == targetColumn) {
                addTarget(builder, name, header[c], cells, options.task());
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

    private static void addTarget(TableBuilder builder, String name, String column, String[] cells, Task task) {
        if (task == Task.CLASSIFICATION) {
            builder.classTarget(column, cells);
            return;
        }
        double[] values = new double[cells.length];
        for (int r = 0; r < cells.length; r++) {
            Double v = parse(cells[r]);
            if (v == null) {
                throw new TrainersException("CSV '" + name + "' regression target '" + column + "' holds '" + cells[r]
                        + "' in record " + (r + 2) + "; expected a finite number");
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
