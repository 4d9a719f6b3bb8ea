package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.SeriesLayout;
import io.tunelab.trainers.tabular.CsvTables;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The windows a series model forecasts from, taken from a CSV table in its training file's layout, or from the rows of
 * a JSON body ({@code dataframe_split}, {@code dataframe_records}) in the same layout: one row per time step, oldest
 * first, with columns that name the series' columns ({@link SeriesLayout}); other columns, such as the date the study
 * dropped, are ignored. As Keras's {@code model.predict(series[-n_steps:])}, the last
 * {@code n_steps} rows are one window, forecasting what follows them; or else every window of {@code n_steps}
 * consecutive rows, each forecasting what follows its last row. Stateless.
 */
final class SeriesWindows {
    private SeriesWindows() {
    }

    /** Whether {@code header} is the training file's layout for a model of {@code schema}: it names the series' target. */
    static boolean applies(List<String> header, InputSchema schema) {
        return schema.series() != null && header.contains(schema.series().target());
    }

    /**
     * The indices of the rows ending each window of a table of {@code rows} rows: the last row only, or with {@code
     * all} every row from the {@code n_steps}-th on.
     *
     * @throws BadInputException when there are fewer than {@code n_steps} rows, naming the columns and the window
     */
    static List<Integer> ends(int rows, InputSchema schema, boolean all) {
        int steps = schema.steps();
        if (rows < steps) {
            throw new BadInputException("expected at least " + steps + " rows of " + quoted(schema.series().columns())
                    + " (the model's window, n_steps: " + steps + "); got " + rows);
        }
        List<Integer> ends = new ArrayList<>();
        for (int end = all ? steps - 1 : rows - 1; end < rows; end++) {
            ends.add(end);
        }
        return ends;
    }

    /**
     * The windows of {@code csv}, each a flat array of {@code n_steps × columns} numbers, step by step, each step's
     * columns in the layout's order; named in messages by their lines.
     *
     * @throws BadInputException naming the series' columns the header lacks, or the line and column of a cell that is
     *                           not a number
     */
    static Instances of(CsvInstances csv, InputSchema schema, boolean all) {
        return of(new Table("the header", csv.header(), csv.records(), r -> "line " + csv.lines().get(r)), schema, all);
    }

    /**
     * Whether {@code rows}, a JSON body's instances ({@code dataframe_split}, {@code dataframe_records}), are rows of
     * the training file's layout for a model of {@code schema}: objects of which one names the series' target.
     */
    static boolean applies(Instances rows, InputSchema schema) {
        if (schema.series() == null || !rows.array().isArray() || rows.array().isEmpty()) {
            return false;
        }
        boolean target = false;
        for (JsonNode row : rows.array()) {
            if (!row.isObject()) {
                return false;
            }
            target |= row.has(schema.series().target());
        }
        return target;
    }

    /**
     * The windows of a JSON body's rows (objects of column to value, one per time step, as {@link #applies}), as
     * {@link #of(CsvInstances, InputSchema, boolean)}; {@code null} or a missing-value text is a missing cell, refused.
     * Cells are named as the rows are: {@code dataframe_split.data[3].value}.
     */
    static Instances of(Instances rows, InputSchema schema, boolean all) {
        List<String> header = new ArrayList<>();
        rows.array().forEach(row -> row.fieldNames().forEachRemaining(f -> {
            if (!header.contains(f)) {
                header.add(f);
            }
        }));
        List<String[]> records = new ArrayList<>();
        for (JsonNode row : rows.array()) {
            records.add(header.stream().map(c -> cell(row.get(c))).toArray(String[]::new));
        }
        return of(new Table("the rows' columns", header, records, rows.names()), schema, all);
    }

    private static String cell(JsonNode v) {
        return v == null || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    /** Rows of cells under a header, each row named in messages by {@code names}; {@code header} names it in them. */
    private record Table(String what, List<String> header, List<String[]> records, IntFunction<String> names) {
    }

    private static Instances of(Table table, InputSchema schema, boolean all) {
        SeriesLayout layout = schema.series();
        List<String> lacking = layout.columns().stream().filter(c -> !table.header().contains(c)).toList();
        if (!lacking.isEmpty()) {
            throw new BadInputException(table.what() + " lacks the series column" + (lacking.size() == 1 ? " " : "s ")
                    + quoted(lacking) + " the model needs (it has " + String.join(", ", table.header()) + "); a step of"
                    + " the series is " + quoted(layout.columns()));
        }
        int[] at = layout.columns().stream().mapToInt(c -> table.header().indexOf(c)).toArray();
        int steps = schema.steps();
        List<Integer> ends = ends(table.records().size(), schema, all);
        ArrayNode windows = JsonNodeFactory.instance.arrayNode();
        for (int end : ends) {
            ArrayNode window = windows.addArray();
            for (int r = end - steps + 1; r <= end; r++) {
                for (int c = 0; c < at.length; c++) {
                    window.add(number(table.records().get(r)[at[c]],
                            InstanceParser.field(table.names().apply(r), layout.columns().get(c))));
                }
            }
        }
        return new Instances(windows, w -> window(table.names(), ends.get(w) - steps + 1, ends.get(w)));
    }

    /** "the window of lines 2-4", "the window of dataframe_records[1] to dataframe_records[3]". */
    private static String window(IntFunction<String> names, int first, int last) {
        String from = names.apply(first);
        String to = names.apply(last);
        return from.startsWith("line ") ? "the window of lines " + from.substring(5) + "-" + to.substring(5)
                : "the window of " + from + " to " + to;
    }

    private static double number(String cell, String where) {
        String text = cell.strip();
        if (CsvTables.MISSING.contains(text)) {
            throw new BadInputException(where + " is missing; a series needs a number at every step, as in training");
        }
        try {
            double d = Double.parseDouble(text);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new BadInputException(where + " must be a number, got '" + (cell.length() > 40 ? cell.substring(0, 40)
                + "..." : cell) + "'");
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }
}
