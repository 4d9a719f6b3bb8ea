package io.tunelab.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table with left-aligned columns sized to their widest cell, for terminal output.
 * Not thread-safe; build, then print once.
 */
public final class TextTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(String... headers) {
        this.headers = List.of(headers);
    }

    /** Adds a row; missing cells print empty, extra cells are an error. */
    public TextTable row(String... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(Arrays.asList(cells));
        while (row.size() < headers.size()) {
            row.add("");
        }
        rows.add(row);
        return this;
    }

    /** Prints the header and the rows, each line starting with {@code indent}; trailing spaces trimmed. */
    public void print(PrintWriter out, String indent) {
        print(out, indent, true);
    }

    /** Prints the rows only (for two-column "label value" lists). */
    public void printRows(PrintWriter out, String indent) {
        print(out, indent, false);
    }

    private void print(PrintWriter out, String indent, boolean header) {
        int[] widths = new int[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        if (header) {
            line(out, indent, headers, widths);
        }
        for (List<String> row : rows) {
            line(out, indent, row, widths);
        }
    }

    private static void line(PrintWriter out, String indent, List<String> cells, int[] widths) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < cells.size(); c++) {
            sb.append(cells.get(c));
            if (c < cells.size() - 1) {
                sb.append(" ".repeat(widths[c] - cells.get(c).length() + 2));
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
