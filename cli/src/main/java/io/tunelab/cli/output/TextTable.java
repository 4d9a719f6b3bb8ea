package io.tunelab.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of named columns, the one table type of the command line: rendered as an aligned text table
 * (columns padded to their widest cell, two spaces apart, numbers right-aligned, trailing spaces
 * trimmed), RFC 4180 CSV or a JSON array of objects. Cells are strings, numbers, booleans or null, or lists and
 * maps of those (JSON text in a CSV cell, JSON arrays and objects in JSON), or a {@link Cell} that shows one text
 * and writes another JSON value. Immutable.
 *
 * @param columns column names
 * @param rows    one list of cells per row, as long as {@code columns}
 * @param keys    the JSON key and CSV header of each column, as long as {@code columns}: its name unless a column's
 *                header is meant for people only (a blank header over a mark)
 */
public record TextTable(List<String> columns, List<List<Object>> rows, List<String> keys) {
    /**
     * A cell that the table and CSV show as {@code text} and JSON writes as {@code value} (a string, number, boolean,
     * null, or a list or map of those): {@code [minimize]} in a table is the array {@code ["minimize"]} in JSON.
     *
     * @param text  what the table and CSV show
     * @param value what JSON writes
     */
    public record Cell(String text, Object value) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** Jackson, initialised for {@code --format json} only: a plain table does not pay its start-up. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }

    /** A table whose JSON keys are its column names. */
    public TextTable(List<String> columns, List<List<Object>> rows) {
        this(columns, rows, columns);
    }

    public TextTable {
        columns = List.copyOf(columns);
        keys = List.copyOf(keys);
        if (keys.size() != columns.size()) {
            throw new IllegalArgumentException("keys " + keys + " for columns " + columns);
        }
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = List.copyOf(copy);
    }

    public String render(Format format) {
        switch (format) {
            case CSV:
                return csv();
            case JSON:
                return json();
            default:
                return text();
        }
    }

    /** The header, a rule of dashes under each column, then the rows; every line ends with a newline. */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (String line : lines("", true, true)) {
            out.append(line).append('\n');
        }
        return out.toString();
    }

    /** Prints the header and the rows, without a rule, each line starting with {@code indent}. */
    public void print(PrintWriter out, String indent) {
        lines(indent, true, false).forEach(out::println);
    }

    /** Prints the rows only, each line starting with {@code indent} (for "label  value" lists). */
    public void printRows(PrintWriter out, String indent) {
        lines(indent, false, false).forEach(out::println);
    }

    private List<String> lines(String indent, boolean header, boolean rule) {
        int[] width = new int[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> r = new ArrayList<>();
            for (Object cell : row) {
                r.add(oneLine(show(cell)));
            }
            cells.add(r);
        }
        for (int c = 0; c < width.length; c++) {
            alignDecimals(cells, c);
        }
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (List<String> r : cells) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        List<String> out = new ArrayList<>();
        if (header) {
            out.add(line(indent, columns, width, null));
        }
        if (rule) {
            StringBuilder dashes = new StringBuilder(indent);
            for (int c = 0; c < width.length; c++) {
                dashes.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
            }
            out.add(dashes.toString());
        }
        for (int i = 0; i < cells.size(); i++) {
            out.add(line(indent, cells.get(i), width, rows.get(i)));
        }
        return out;
    }

    /**
     * One format per column: when a column's numbers are fractions written plainly ({@code 0.489}, {@code 0.50944}), each
     * gets as many decimals as the longest, written with its own digits ({@code 0.48900}, {@code 0.8498522} beside
     * {@code 0.0099544}); a column with a number in scientific form is left as it is.
     */
    private void alignDecimals(List<List<String>> cells, int c) {
        int decimals = 0;
        for (int i = 0; i < rows.size(); i++) {
            Object raw = rows.get(i).get(c);
            String text = cells.get(i).get(c);
            if (raw instanceof Double || raw instanceof Float) {
                if (text.contains("e") || text.contains("E") || text.contains("N") || text.contains("I")) {
                    return;
                }
                int dot = text.indexOf('.');
                decimals = Math.max(decimals, dot < 0 ? 0 : text.length() - dot - 1);
            } else if (raw != null) {
                return;
            }
        }
        for (int i = 0; decimals > 0 && i < rows.size(); i++) {
            if (rows.get(i).get(c) != null) {
                // the value's own digits to that many decimals, never zeros standing for digits it has (0.84985222 is
                // 0.849852 in short form, and 0.8498522 beside 0.0099544, not 0.8498520)
                double value = ((Number) rows.get(i).get(c)).doubleValue();
                cells.get(i).set(c, new BigDecimal(Double.toString(value)).setScale(decimals, RoundingMode.HALF_EVEN)
                        .toPlainString());
            }
        }
    }

    private static String line(String indent, List<String> cells, int[] width, List<Object> raw) {
        StringBuilder l = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            boolean right = raw != null && raw.get(c) instanceof Number;
            String pad = " ".repeat(width[c] - s.length());
            l.append(c == 0 ? "" : "  ").append(right ? pad + s : s + pad);
        }
        return l.toString().stripTrailing();
    }

    /** A table cell keeps to its line: line breaks and tabs shown as {@code \n} and {@code \t} (CSV and JSON keep them). */
    private static String oneLine(String s) {
        return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n").replace("\t", "\\t");
    }

    /** A cell as text: numbers in a short form, null as empty. */
    static String show(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            return Numbers.compact(((Number) cell).doubleValue());
        }
        return cell.toString();
    }

    public String csv() {
        StringBuilder out = new StringBuilder();
        out.append(csvLine(new ArrayList<>(keys))).append('\n');
        for (List<Object> row : rows) {
            out.append(csvLine(row)).append('\n');
        }
        return out.toString();
    }

    private static String csvLine(List<?> cells) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            String s = cell == null ? "" : cell instanceof Double ? String.valueOf(cell)
                    : cell instanceof Map || cell instanceof Collection ? jsonText(cell) : cell.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            l.append(c == 0 ? "" : ",").append(s);
        }
        return l.toString();
    }

    /** A list or map cell as JSON text, as CSV shows it. */
    private static String jsonText(Object cell) {
        try {
            return Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(cell);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    public String json() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                Object cell = row.get(c);
                Object value = cell instanceof Cell shown ? shown.value() : cell;
                o.put(keys.get(c), value instanceof Double d && !Double.isFinite(d) ? d.toString() : value);
            }
            objects.add(o);
        }
        try {
            return Json.MAPPER.writeValueAsString(objects) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
