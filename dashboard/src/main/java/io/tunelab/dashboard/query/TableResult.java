package io.tunelab.dashboard.query;

import java.util.List;

/**
 * One page of the trials table.
 *
 * @param total   rows that pass the filter
 * @param offset  index of the first row returned
 * @param rows    the rows, in sort order
 * @param params  every parameter name of the study (for columns), in first-seen order
 * @param metrics metric series carried by each row
 */
public record TableResult(int total, int offset, List<TableRow> rows, List<String> params, List<String> metrics) {
    public TableResult {
        rows = List.copyOf(rows);
        params = List.copyOf(params);
        metrics = List.copyOf(metrics);
    }
}
