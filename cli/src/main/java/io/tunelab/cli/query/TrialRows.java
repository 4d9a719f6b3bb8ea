package io.tunelab.cli.query;

import io.tunelab.cli.output.TextTable;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trials as a table: number, state, values, duration, the sampler that chose the parameters (when
 * any trial records one), whether the trial's constraints hold (when any trial reports constraints;
 * blank for one that reports none), one column per parameter ({@code param:NAME}), with {@code userAttrs} one per user
 * attribute ({@code user_attr:NAME}, as the {@code user_attrs_NAME} columns of Optuna's {@code trials_dataframe}; a
 * list or map is JSON in a CSV cell), then the message a trial ended with (why it failed or was pruned; when any
 * listed trial has one), last because it is the longest.
 */
final class TrialRows {
    private TrialRows() {
    }

    static TextTable of(List<FrozenTrial> trials, int objectives) {
        return of(trials, objectives, false);
    }

    static TextTable of(List<FrozenTrial> trials, int objectives, boolean userAttrs) {
        Set<String> params = new LinkedHashSet<>();
        trials.forEach(t -> params.addAll(t.params().keySet()));
        Set<String> attrs = new TreeSet<>();
        if (userAttrs) {
            trials.forEach(t -> attrs.addAll(t.userAttrs().keySet()));
        }
        List<String> columns = new ArrayList<>(List.of("number", "state"));
        for (int i = 0; i < objectives; i++) {
            columns.add(objectives == 1 ? "value" : "value_" + i);
        }
        columns.add("seconds");
        boolean samplers = trials.stream().anyMatch(t -> t.systemAttrs().containsKey(Sampler.SAMPLER_ATTR));
        if (samplers) {
            columns.add("sampler");
        }
        boolean constrained = trials.stream().anyMatch(t -> t.userAttrs().containsKey(Constraints.USER_ATTR));
        if (constrained) {
            columns.add("feasible");
        }
        params.forEach(p -> columns.add("param:" + p));
        attrs.forEach(a -> columns.add("user_attr:" + a));
        boolean messages = trials.stream().anyMatch(t -> t.message() != null && !t.message().isBlank());
        if (messages) {
            columns.add("message");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (FrozenTrial t : trials) {
            List<Object> row = new ArrayList<>(List.of(t.number(), t.state().name()));
            for (int i = 0; i < objectives; i++) {
                row.add(i < t.values().size() ? t.values().get(i) : null);
            }
            row.add(t.start() != null && t.end() != null
                    ? Duration.between(t.start(), t.end()).toMillis() / 1000.0 : null);
            if (samplers) {
                row.add(Sampler.label(t));
            }
            if (constrained) {
                row.add(t.userAttrs().containsKey(Constraints.USER_ATTR) ? Constraints.holds(t) : null);
            }
            for (String p : params) {
                row.add(t.params().get(p));
            }
            for (String a : attrs) {
                row.add(t.userAttrs().get(a));
            }
            if (messages) {
                row.add(t.message() == null || t.message().isBlank() ? null : t.message());
            }
            rows.add(row);
        }
        return new TextTable(columns, rows);
    }
}
