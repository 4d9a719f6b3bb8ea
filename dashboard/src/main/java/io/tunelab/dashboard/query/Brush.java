package io.tunelab.dashboard.query;

import io.tunelab.tracker.filter.FilterException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What is brushed on the study page's parallel coordinates: intervals of one objective's value, intervals of
 * numeric parameters and sets of categorical choices. A brush selects the COMPLETE trials that fall in at least
 * one interval (or choice) of every brushed axis; it is written as a trials table {@link #filter() filter}, so
 * the table, the selection the server counts and the lines it draws are the same trials by construction.
 *
 * @param objective  the brushed objective's index
 * @param objectives how many objectives the study has
 * @param value      intervals {@code [low, high]} (inclusive) of the objective's value; empty if not brushed
 * @param ranges     per numeric parameter, its intervals {@code [low, high]}
 * @param choices    per categorical parameter, the choices kept (as text, compared as the table compares text)
 */
public record Brush(int objective, int objectives, List<double[]> value, Map<String, List<double[]>> ranges,
                    Map<String, List<String>> choices) {
    public Brush {
        value = List.copyOf(value);
        ranges = Map.copyOf(ranges);
        choices = Map.copyOf(choices);
        for (double[] interval : value) {
            check("value", interval);
        }
        ranges.forEach((name, intervals) -> intervals.forEach(interval -> check(name, interval)));
    }

    private static void check(String axis, double[] interval) {
        if (interval.length != 2 || Double.isNaN(interval[0]) || Double.isNaN(interval[1])) {
            throw new FilterException("brush of '" + axis + "': an interval is two numbers [low, high], got "
                    + java.util.Arrays.toString(interval));
        }
    }

    /** Whether nothing is brushed. */
    public boolean isEmpty() {
        return value.isEmpty() && ranges.isEmpty() && choices.isEmpty();
    }

    /**
     * The trials table filter selecting the brushed trials ({@code ""} when nothing is brushed): {@code state =
     * COMPLETE}, then per axis the OR of its intervals (or choices); an axis brushed with no choice selects nothing.
     * Parameters are named as {@code "params.NAME"}, so a parameter called like a built-in field stays a parameter.
     */
    public String filter() {
        if (isEmpty()) {
            return "";
        }
        List<String> clauses = new ArrayList<>(List.of("state = COMPLETE"));
        if (!value.isEmpty()) {
            clauses.add(intervals(objectives == 1 ? "value" : "value" + objective, value));
        }
        ranges.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> clauses.add(intervals(quote("params." + e.getKey()), e.getValue())));
        choices.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String field = quote("params." + e.getKey());
            List<String> any = e.getValue().stream().map(c -> field + " = " + quote(c)).toList();
            clauses.add("(" + (any.isEmpty() ? "number < 0" : String.join(" OR ", any)) + ")");
        });
        return String.join(" AND ", clauses);
    }

    private static String intervals(String field, List<double[]> intervals) {
        if (intervals.isEmpty()) {
            return "(number < 0)";
        }
        List<String> any = intervals.stream()
                .map(i -> field + " >= " + Math.min(i[0], i[1]) + " AND " + field + " <= " + Math.max(i[0], i[1])).toList();
        return "(" + String.join(" OR ", any) + ")";
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
