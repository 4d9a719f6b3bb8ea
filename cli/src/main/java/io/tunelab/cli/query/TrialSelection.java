package io.tunelab.cli.query;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.filter.FieldCatalog;
import io.tunelab.tracker.filter.FieldResolver;
import io.tunelab.tracker.filter.FilterParser;
import io.tunelab.tracker.filter.TrialFilter;
import io.tunelab.tracker.filter.TrialOrder;
import io.tunelab.tracker.filter.TrialView;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What {@code trials --filter --sort --limit} keep of a study's trials, as MLflow's {@code search_runs(filter_string,
 * order_by, max_results)}: the trials the filter ({@link FilterParser#parseAndOnly}) keeps, sorted by the keys
 * ({@link TrialOrder}), at most {@code limit} of them. Field names are checked against every trial of the study (in
 * any state), so a parameter or metric no trial has is an error with a did-you-mean; metric series are read only
 * when the filter or the sort names one, and only the series named. Text compares as in MLflow: {@code =} and
 * {@code !=} case-sensitively, {@code ILIKE} ignoring case. Errors are
 * {@link io.tunelab.tracker.filter.FilterException}s.
 *
 * @param filter an MLflow filter string, or null or blank for every trial
 * @param sort   sort keys ({@code metrics.loss DESC}); empty keeps the order by number
 * @param limit  the most trials to keep, or null for all
 */
record TrialSelection(String filter, List<String> sort, Integer limit) {
    TrialSelection {
        sort = sort == null ? List.of() : List.copyOf(sort);
    }

    /** Whether this keeps every trial in its order (so the storage need not be asked about fields). */
    boolean keepsAll() {
        return (filter == null || filter.isBlank()) && sort.isEmpty() && limit == null;
    }

    /**
     * The trials of {@code listed} (trials of {@code study}, by number) that this keeps, in its order; {@code notes} gets
     * each one-line note on how the filter and sort keys were read (a bare {@code sampler} that is also a parameter).
     */
    List<FrozenTrial> apply(TrialStorage storage, StudyRecord study, List<FrozenTrial> listed, Consumer<String> notes) {
        if (keepsAll()) {
            return listed;
        }
        FieldCatalog catalog = catalog(storage, study);
        TrialFilter parsed = FilterParser.parseAndOnly(filter, catalog);
        TrialOrder order = TrialOrder.parse(sort, catalog);
        Set<String> said = new LinkedHashSet<>(parsed.notes());
        order.keys().forEach(k -> FieldResolver.shadowedParam(k.field().name(), catalog).ifPresent(said::add));
        said.forEach(notes);
        Set<String> metrics = new LinkedHashSet<>(parsed.metrics());
        metrics.addAll(order.metrics());
        List<Stored> kept = new ArrayList<>();
        for (FrozenTrial t : listed) {
            Stored view = new Stored(t, load(storage, t, metrics));
            if (parsed.matches(view)) {
                kept.add(view);
            }
        }
        List<Stored> sorted = order.sort(kept);
        int n = limit == null ? sorted.size() : Math.min(limit, sorted.size());
        return sorted.subList(0, n).stream().map(Stored::trial).toList();
    }

    /** Parameter names from the study's trials, metric names in one study-wide read (not one per trial). */
    private static FieldCatalog catalog(TrialStorage storage, StudyRecord study) {
        Set<String> params = new LinkedHashSet<>();
        for (FrozenTrial t : storage.trials(study.id(), EnumSet.allOf(TrialState.class))) {
            params.addAll(t.params().keySet());
        }
        return new FieldCatalog(params, Set.copyOf(storage.studyMetricNames(study.id())), study.directions().size());
    }

    private static Map<String, List<MetricPoint>> load(TrialStorage storage, FrozenTrial t, Set<String> names) {
        Map<String, List<MetricPoint>> out = new HashMap<>();
        for (String name : names) {
            out.put(name, storage.metrics(t.id(), name));
        }
        return out;
    }

    /** A stored trial and the series a filter or sort reads; last is the point of the highest step. */
    private record Stored(FrozenTrial trial, Map<String, List<MetricPoint>> series) implements TrialView {
        @Override
        public Double metric(String name, String aggregate) {
            List<MetricPoint> points = series.getOrDefault(name, List.of());
            if (points.isEmpty()) {
                return null;
            }
            return switch (aggregate) {
                case "last" -> points.get(points.size() - 1).value();
                case "min" -> points.stream().mapToDouble(MetricPoint::value).filter(v -> !Double.isNaN(v)).min().orElse(Double.NaN);
                default -> points.stream().mapToDouble(MetricPoint::value).filter(v -> !Double.isNaN(v)).max().orElse(Double.NaN);
            };
        }
    }
}
