package io.tunelab.dashboard.query;

import io.tunelab.dashboard.DashboardException;
import java.util.List;

/**
 * What the trials table asks for.
 *
 * @param filter     a filter in the {@link io.tunelab.tracker.filter.FilterParser} language, or blank
 * @param sort       a field reference to sort by, or blank for {@code number}
 * @param descending whether to sort largest first (missing values always come last)
 * @param offset     rows to skip after filtering and sorting
 * @param limit      rows to return at most (1 to 100,000)
 * @param metrics    metric series whose last/min/max each row carries
 */
public record TableQuery(String filter, String sort, boolean descending, int offset, int limit,
                         List<String> metrics) {
    public static final int MAX_LIMIT = 100_000;

    public TableQuery {
        filter = filter == null ? "" : filter;
        sort = sort == null || sort.isBlank() ? "number" : sort.trim();
        if (offset < 0) {
            throw DashboardException.badRequest("offset must be 0 or more, got " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw DashboardException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        metrics = List.copyOf(metrics);
    }
}
