package io.tunelab.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of named columns, rendered as an aligned text table, RFC 4180 CSV or a JSON array of
 * objects. Cells are strings, numbers, booleans or null. Immutable.
 *
 * @param columns column names
 * @param rows    one list of cells per row, as long as {@code columns}
 */
public record Table(List<String> columns, List<List<Object>> rows) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Table {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>();
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row " + row + " has " + row.size() + " cells for "
                        + columns.size() + " columns");
            }
            copy.add(java.util.Collections.unmodifiableList(new ArrayList<>(row)));
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

    /** Columns padded to their widest cell, numbers right-aligned. */
    public String text() {
        int[] width = new int[columns.size()];
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            List<String> r = new ArrayList<>();
            for (Object cell : row) {
                r.add(show(cell));
            }
            cells.add(r);
        }
        for (int c = 0; c < width.length; c++) {
            width[c] = columns.get(c).length();
            for (List<String> r : cells) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, columns, width, null);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < width.length; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(width[c]));
        }
        out.append(rule).append('\n');
        for (int i = 0; i < cells.size(); i++) {
            line(out, cells.get(i), width, rows.get(i));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] width, List<Object> raw) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            String s = cells.get(c);
            boolean right = raw != null && raw.get(c) instanceof Number;
            String pad = " ".repeat(width[c] - s.length());
            l.append(c == 0 ? "" : "  ").append(right ? pad + s : s + pad);
        }
        out.append(l.toString().stripTrailing()).append('\n');
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
        out.append(csvLine(new ArrayList<>(columns))).append('\n');
        for (List<Object> row : rows) {
            out.append(csvLine(row)).append('\n');
        }
        return out.toString();
    }

    private static String csvLine(List<?> cells) {
        StringBuilder l = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            String s = cell == null ? "" : cell instanceof Double ? String.valueOf(cell) : cell.toString();
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = "\"" + s.replace("\"", "\"\"") + "\"";
            }
            l.append(c == 0 ? "" : ",").append(s);
        }
        return l.toString();
    }

    public String json() {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (List<Object> row : rows) {
            Map<String, Object> o = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                Object cell = row.get(c);
                o.put(columns.get(c), cell instanceof Double d && !Double.isFinite(d) ? d.toString() : cell);
            }
            objects.add(o);
        }
        try {
            return JSON.writeValueAsString(objects) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
