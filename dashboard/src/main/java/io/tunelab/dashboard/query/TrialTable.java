package io.tunelab.dashboard.query;

import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters, sorts and pages a study's trials on the server, so the browser only ever holds the rows on
 * screen, whatever the study's size. Stateless and thread-safe.
 */
public final class TrialTable {
    private TrialTable() {
    }

    /** The page of study {@code studyId}'s trials that {@code query} asks for. */
    public static TableResult query(DashboardData data, long studyId, TableQuery query) {
        return select(data, studyId, query, query.limit());
    }

    /** Every row {@code query} selects, in order, ignoring offset and limit (for CSV export). */
    public static TableResult all(DashboardData data, long studyId, TableQuery query) {
        return select(data, studyId, new TableQuery(query.filter(), query.sort(), query.descending(), 0,
                TableQuery.MAX_LIMIT, query.metrics()), Integer.MAX_VALUE);
    }

    private static TableResult select(DashboardData data, long studyId, TableQuery query, int limit) {
        List<FrozenTrial> trials = data.allTrials(studyId);
        Set<String> params = new LinkedHashSet<>();
        for (FrozenTrial t : trials) {
            params.addAll(t.params().keySet());
        }
        FieldCatalog catalog = new FieldCatalog(params, Set.copyOf(data.metricNames(studyId)),
                data.study(studyId).directions().size());
        TrialFilter filter = FilterParser.parse(query.filter(), catalog);
        Field sort = FieldResolver.resolve(query.sort(), catalog);
        Set<String> needed = new LinkedHashSet<>(query.metrics());
        needed.addAll(filter.metrics());
        if (sort.metric() != null) {
            needed.add(sort.metric());
        }
        Map<String, Map<Long, MetricSummary>> summaries = new LinkedHashMap<>();
        for (String name : needed) {
            if (!catalog.metrics().contains(name)) {
                throw new FilterException("unknown metric '" + name + "': the study's metrics are " + catalog.metrics());
            }
            summaries.put(name, data.metricSummaries(studyId, name));
        }
        List<TableRow> rows = new ArrayList<>();
        for (FrozenTrial t : trials) {
            Map<String, MetricSummary> own = new HashMap<>();
            summaries.forEach((name, byTrial) -> {
                MetricSummary s = byTrial.get(t.id());
                if (s != null) {
                    own.put(name, s);
                }
            });
            TableRow row = new TableRow(t, own);
            if (filter.matches(row)) {
                rows.add(row);
            }
        }
        sortRows(rows, sort, query.descending());
        int from = Math.min(query.offset(), rows.size());
        int to = (int) Math.min(rows.size(), (long) from + limit);
        return new TableResult(rows.size(), from, rows.subList(from, to), List.copyOf(params), query.metrics());
    }

    /** Sorts by keys read once per row (not once per comparison). */
    private static void sortRows(List<TableRow> rows, Field field, boolean descending) {
        List<Map.Entry<Object, TableRow>> keyed = new ArrayList<>(rows.size());
        for (TableRow r : rows) {
            keyed.add(new java.util.AbstractMap.SimpleImmutableEntry<>(field.of(r), r));
        }
        Comparator<Object> values = Comparator.nullsLast(descending ? present().reversed() : present());
        keyed.sort(Comparator.comparing((Map.Entry<Object, TableRow> e) -> e.getKey(), values)
                .thenComparingInt(e -> e.getValue().trial().number()));
        rows.clear();
        for (Map.Entry<Object, TableRow> e : keyed) {
            rows.add(e.getValue());
        }
    }

    /** Numbers (ascending) before text (case-insensitive). */
    private static Comparator<Object> present() {
        Comparator<Object> present = (a, b) -> {
            if (a instanceof Double x && b instanceof Double y) {
                return Double.compare(x, y);
            }
            if (a instanceof Double) {
                return -1;
            }
            if (b instanceof Double) {
                return 1;
            }
            return a.toString().compareToIgnoreCase(b.toString());
        };
        return present;
    }
}
