package io.tunelab.trainers.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the training file of a series model laid out one time step: the columns a window holds per step (the target
 * first, then the other columns in file order) and the file's columns the study left out ({@code data.drop}, a date
 * column, say). With it a client may send rows in the training file's own layout, one row per time step, and
 * {@code predict} or {@code /invocations} take the window from them as in training, ignoring the dropped columns.
 * Immutable.
 *
 * @param columns the columns of one step, target first; not empty
 * @param dropped the training file's columns that are not part of the series, in the study file's order
 */
public record SeriesLayout(List<String> columns, List<String> dropped) {
    public SeriesLayout {
        columns = List.copyOf(columns);
        dropped = List.copyOf(dropped);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a series layout needs at least its target column");
        }
    }

    /** The column the model forecasts. */
    public String target() {
        return columns.get(0);
    }

    /** A JSON-compatible description that {@link #fromMap} reads back. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("columns", columns);
        out.put("dropped", dropped);
        return out;
    }

    /**
     * Reads {@link #toMap()} back.
     *
     * @throws IllegalArgumentException when {@code columns} is missing or empty, or a field is not a list
     */
    public static SeriesLayout fromMap(Map<?, ?> map) {
        return new SeriesLayout(names(map, "columns"), map.containsKey("dropped") ? names(map, "dropped") : List.of());
    }

    private static List<String> names(Map<?, ?> map, String field) {
        if (!(map.get(field) instanceof List<?> list)) {
            throw new IllegalArgumentException("series layout field '" + field + "' must be a list of column names, got "
                    + map.get(field));
        }
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(String.valueOf(n)));
        return out;
    }
}
