package io.tunelab.trainers.params;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Renders catalogues as the Markdown tables of {@code docs/study-files.md}: one row per hyperparameter,
 * or one per task where the tasks' entries differ; a built-in range column when any entry has one.
 */
final class HyperparameterTables {
    private HyperparameterTables() {
    }

    /** The table of a trainer whose catalogue may differ by task (task label to catalogue, in order). */
    static String render(Map<String, Hyperparameters> byTask) {
        boolean ranges = byTask.values().stream().anyMatch(c -> !c.ranges().isEmpty());
        List<String> header = new ArrayList<>(List.of("parameter", "default"));
        if (ranges) {
            header.add("built-in range");
        }
        header.add("meaning");
        StringBuilder out = new StringBuilder(row(header));
        out.append(row(header.stream().map(h -> "-".repeat(h.length())).toList()));
        for (String name : names(byTask)) {
            Map<String, Hyperparameter> entries = new LinkedHashMap<>();
            byTask.forEach((task, catalogue) -> catalogue.all().stream().filter(h -> h.name().equals(name)).findFirst()
                    .ifPresent(h -> entries.put(task, h)));
            boolean same = entries.values().stream().distinct().count() == 1;
            if (same) {
                String only = entries.size() < byTask.size() ? " (" + String.join(", ", entries.keySet()) + " only)" : "";
                out.append(row(cells(code(name) + only, entries.values().iterator().next(), ranges)));
            } else {
                entries.forEach((task, h) -> out.append(row(cells(code(name) + " (" + task + ")", h, ranges))));
            }
        }
        return out.toString();
    }

    private static List<String> names(Map<String, Hyperparameters> byTask) {
        List<String> names = new ArrayList<>();
        byTask.values().forEach(c -> c.names().stream().filter(n -> !names.contains(n)).forEach(names::add));
        return names;
    }

    private static List<String> cells(String parameter, Hyperparameter h, boolean ranges) {
        List<String> cells = new ArrayList<>(List.of(parameter, defaultCell(h)));
        if (ranges) {
            cells.add(Optional.ofNullable(h.range()).map(r -> code(r.describe())).orElse("none"));
        }
        cells.add(h.meaning());
        return cells;
    }

    private static String defaultCell(Hyperparameter h) {
        if (h.defaultValue() == null) {
            return h.defaultNote();
        }
        String value = code(Hyperparameter.show(h.defaultValue()));
        return h.defaultNote().isEmpty() ? value : value + " (" + h.defaultNote() + ")";
    }

    private static String code(String text) {
        return "`" + text + "`";
    }

    private static String row(List<String> cells) {
        return cells.stream().map(c -> c.replace("|", "\\|")).collect(Collectors.joining(" | ", "| ", " |\n"));
    }
}
