package io.tunelab.dashboard.query;

import io.tunelab.dashboard.data.MetricSummary;
import io.tunelab.dashboard.data.TrialReads;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.filter.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One snapshot of a study's trials as the trials table reads them: positions in number order, the
 * parameter names, and per sort field a permutation of the positions computed once from the field's
 * values as primitive columns, so a later sort, page or filter by that field costs a walk over an int
 * array. A sort order read from metric summaries is kept while the summaries map it was computed from
 * is the one the dashboard still returns. Thread-safe: orders are computed under a concurrent map.
 */
final class StudyRows {
    /** Sort orders kept at most (an int per trial each). */
    private static final int MAX_ORDERS = 24;

    private final List<FrozenTrial> trials;
    private final List<String> params;
    private final Map<String, Sorted> orders = new ConcurrentHashMap<>();

    /** An order and the summaries map it was computed from (null for fields of the trial itself). */
    private record Sorted(Object source, int[] order) {
    }

    /** @param trials the study's trials, ordered by number */
    StudyRows(List<FrozenTrial> trials) {
        this.trials = trials;
        Set<String> names = new LinkedHashSet<>();
        for (FrozenTrial t : trials) {
            names.addAll(t.params().keySet());
        }
        this.params = List.copyOf(names);
    }

    /** Whether {@code current} holds the very snapshots this was built from ({@link TrialReads}). */
    boolean sameAs(List<FrozenTrial> current) {
        return TrialReads.same(trials, current);
    }

    List<FrozenTrial> trials() {
        return trials;
    }

    /** Every parameter name, in first-seen order. */
    List<String> params() {
        return params;
    }

    /** A view of trial {@code i} that reads metric summaries from {@code summaries} (by series, then trial id); reused by moving it. */
    Cursor cursor(Map<String, Map<Long, MetricSummary>> summaries) {
        return new Cursor(summaries);
    }

    /**
     * Positions sorted by {@code field}: values ascending (or descending), numbers before text (text
     * case-insensitively), rows without a value last either way, ties by trial number.
     */
    int[] order(Field field, boolean descending, Map<String, Map<Long, MetricSummary>> summaries) {
        Object source = field.metric() == null ? null : summaries.get(field.metric());
        String key = field.name() + (descending ? "\u0000desc" : "\u0000asc");
        Sorted known = orders.get(key);
        if (known != null && known.source() == source) {
            return known.order();
        }
        int[] order = sort(field, descending, summaries);
        if (orders.size() >= MAX_ORDERS) {
            orders.clear();
        }
        orders.put(key, new Sorted(source, order));
        return order;
    }

    private int[] sort(Field field, boolean descending, Map<String, Map<Long, MetricSummary>> summaries) {
        int n = trials.size();
        byte[] kind = new byte[n];
        double[] number = new double[n];
        String[] text = new String[n];
        Cursor row = cursor(summaries);
        for (int i = 0; i < n; i++) {
            Object v = field.of(row.at(i));
            if (v instanceof Double d) {
                kind[i] = 1;
                number[i] = d;
            } else if (v != null) {
                kind[i] = 2;
                text[i] = v.toString();
            }
        }
        int[] rank = textRanks(kind, text);
        int sign = descending ? -1 : 1;
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        IntSort.stable(order, (a, b) -> {
            if (kind[a] == 0 || kind[b] == 0) {
                return Integer.compare(kind[a] == 0 ? 1 : 0, kind[b] == 0 ? 1 : 0);
            }
            if (kind[a] != kind[b]) {
                return sign * Integer.compare(kind[a], kind[b]);
            }
            return sign * (kind[a] == 1 ? Double.compare(number[a], number[b]) : Integer.compare(rank[a], rank[b]));
        });
        return order;
    }

    /** Each text value's rank among the distinct texts, compared case-insensitively (equal ignoring case, equal rank). */
    private static int[] textRanks(byte[] kind, String[] text) {
        TreeMap<String, Integer> distinct = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0; i < text.length; i++) {
            if (kind[i] == 2) {
                distinct.putIfAbsent(text[i], 0);
            }
        }
        Map<String, Integer> rankOf = new HashMap<>();
        int r = 0;
        for (String s : distinct.keySet()) {
            rankOf.put(s, r++);
        }
        int[] rank = new int[text.length];
        for (int i = 0; i < text.length; i++) {
            if (kind[i] == 2) {
                rank[i] = rankOf.get(distinct.floorKey(text[i]));
            }
        }
        return rank;
    }

    /** The table rows of the trials at {@code positions}, each with its summaries of the series in {@code summaries}. */
    List<TableRow> rows(int[] positions, Map<String, Map<Long, MetricSummary>> summaries) {
        List<TableRow> out = new ArrayList<>(positions.length);
        for (int i : positions) {
            FrozenTrial t = trials.get(i);
            Map<String, MetricSummary> own = new HashMap<>();
            summaries.forEach((name, byTrial) -> {
                MetricSummary s = byTrial.get(t.id());
                if (s != null) {
                    own.put(name, s);
                }
            });
            out.add(new TableRow(t, own));
        }
        return out;
    }

    /** A movable {@link RowView} over this snapshot's trials. Not thread-safe: one per request. */
    final class Cursor implements RowView {
        private final Map<String, Map<Long, MetricSummary>> summaries;
        private FrozenTrial trial;

        private Cursor(Map<String, Map<Long, MetricSummary>> summaries) {
            this.summaries = summaries;
        }

        Cursor at(int position) {
            trial = trials.get(position);
            return this;
        }

        @Override
        public FrozenTrial trial() {
            return trial;
        }

        @Override
        public MetricSummary metric(String name) {
            Map<Long, MetricSummary> byTrial = summaries.get(name);
            return byTrial == null ? null : byTrial.get(trial.id());
        }
    }
}
