package io.tunelab.dashboard.query;

import io.tunelab.dashboard.data.DashboardData;
import io.tunelab.dashboard.data.LruCache;
import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.filter.Field;
import io.tunelab.tracker.filter.FieldCatalog;
import io.tunelab.tracker.filter.FieldResolver;
import io.tunelab.tracker.filter.FilterException;
import io.tunelab.tracker.filter.FilterParser;
import io.tunelab.tracker.filter.TrialFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Filters, sorts and pages a study's trials on the server, so the browser only ever holds the rows on
 * screen, whatever the study's size. Works on columns, not row objects: the study's trial snapshots
 * ({@link DashboardData#allTrials}, cached by the store) are read through one movable view; a sort
 * field's values become primitive arrays sorted once into a permutation ({@link StudyRows}), kept
 * while the study's snapshots and the metric summaries stay the same; a filter is one pass that marks
 * the positions it keeps. Only the rows of the page asked for are materialised. Thread-safe.
 */
public final class TrialTable {
    private static final int STUDIES = 8;

    private final DashboardData data;
    private final LruCache<Long, StudyRows> studies = new LruCache<>(STUDIES);

    public TrialTable(DashboardData data) {
        this.data = data;
    }

    /** The page of study {@code studyId}'s trials that {@code query} asks for. */
    public TableResult query(long studyId, TableQuery query) {
        return select(studyId, query, query.limit());
    }

    /** Every row {@code query} selects, in order, ignoring offset and limit (for CSV export). */
    public TableResult all(long studyId, TableQuery query) {
        return select(studyId, new TableQuery(query.filter(), query.sort(), query.descending(), 0,
                TableQuery.MAX_LIMIT, query.metrics()), Integer.MAX_VALUE);
    }

    private StudyRows rows(long studyId) {
        List<FrozenTrial> trials = data.allTrials(studyId);
        StudyRows known = studies.get(studyId);
        if (known != null && known.sameAs(trials)) {
            return known;
        }
        StudyRows fresh = new StudyRows(trials);
        studies.put(studyId, fresh);
        return fresh;
    }

    /**
     * The study's trials that {@code filter} keeps (the rows {@link #query} counts with that filter), by number;
     * the trial snapshots themselves, no row objects.
     */
    public List<FrozenTrial> matching(long studyId, String filter) {
        StudyRows rows = rows(studyId);
        FieldCatalog catalog = catalog(studyId, rows);
        TrialFilter parsed = FilterParser.parse(filter, catalog);
        boolean[] kept = kept(rows, parsed, summaries(studyId, catalog, parsed.metrics()));
        List<FrozenTrial> out = new ArrayList<>();
        for (int i = 0; i < rows.trials().size(); i++) {
            if (kept == null || kept[i]) {
                out.add(rows.trials().get(i));
            }
        }
        return out;
    }

    private FieldCatalog catalog(long studyId, StudyRows rows) {
        return new FieldCatalog(Set.copyOf(rows.params()), Set.copyOf(data.metricNames(studyId)),
                data.study(studyId).directions().size());
    }

    private Map<String, Map<Long, MetricSummary>> summaries(long studyId, FieldCatalog catalog, Set<String> needed) {
        Map<String, Map<Long, MetricSummary>> summaries = new LinkedHashMap<>();
        for (String name : needed) {
            if (!catalog.metrics().contains(name)) {
                throw new FilterException("unknown metric '" + name + "': the study's metrics are " + catalog.metrics());
            }
            summaries.put(name, data.metricSummaries(studyId, name));
        }
        return summaries;
    }

    /** Per position, whether {@code filter} keeps the row; null when there is no filter (every row is kept). */
    private static boolean[] kept(StudyRows rows, TrialFilter filter, Map<String, Map<Long, MetricSummary>> summaries) {
        if (filter == TrialFilter.NONE) {
            return null;
        }
        int n = rows.trials().size();
        boolean[] kept = new boolean[n];
        StudyRows.Cursor row = rows.cursor(summaries);
        for (int i = 0; i < n; i++) {
            kept[i] = filter.matches(row.at(i));
        }
        return kept;
    }

    private TableResult select(long studyId, TableQuery query, int limit) {
        StudyRows rows = rows(studyId);
        FieldCatalog catalog = catalog(studyId, rows);
        TrialFilter filter = FilterParser.parse(query.filter(), catalog);
        Field sort = FieldResolver.resolve(query.sort(), catalog);
        Set<String> needed = new LinkedHashSet<>(query.metrics());
        needed.addAll(filter.metrics());
        if (sort.metric() != null) {
            needed.add(sort.metric());
        }
        Map<String, Map<Long, MetricSummary>> summaries = summaries(studyId, catalog, needed);
        int[] order = rows.order(sort, query.descending(), summaries);
        int n = order.length;
        boolean[] kept = kept(rows, filter, summaries);
        int total = n;
        if (kept != null) {
            total = 0;
            for (boolean k : kept) {
                total += k ? 1 : 0;
            }
        }
        int from = Math.min(query.offset(), total);
        int[] page = new int[(int) Math.min(total - from, (long) limit)];
        int seen = 0;
        int taken = 0;
        for (int k = 0; k < n && taken < page.length; k++) {
            int i = order[k];
            if (kept == null || kept[i]) {
                if (seen++ >= from) {
                    page[taken++] = i;
                }
            }
        }
        return new TableResult(total, from, rows.rows(Arrays.copyOf(page, taken), summaries), rows.params(), query.metrics());
    }
}
