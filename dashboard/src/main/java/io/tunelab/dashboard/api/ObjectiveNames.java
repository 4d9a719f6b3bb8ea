package io.tunelab.dashboard.api;

import io.tunelab.tracker.query.StudySummary;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What a study's objectives are called: the metrics its study file names ({@code metric: val_accuracy}, or one per
 * direction, {@code metric: [val_accuracy, epoch_time]}), which the run stores with the study (attribute
 * {@value #STUDY_FILE}); else, or when the file cannot be read or names another number of metrics, "objective 0",
 * "objective 1"... Stateless.
 */
final class ObjectiveNames {
    /** The study attribute holding the text of the study file the study was created from. */
    static final String STUDY_FILE = "study_file";

    private ObjectiveNames() {
    }

    /** One name per direction of {@code study}. */
    static List<String> of(StudySummary study) {
        int n = study.directions().size();
        List<String> named = study.attrs().get(STUDY_FILE) instanceof String text ? metrics(text) : List.of();
        if (named.size() == n) {
            return named;
        }
        List<String> numbered = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            numbered.add("objective " + i);
        }
        return numbered;
    }

    /** The metric names of a study file's {@code metric}, or none when it has none or is not YAML. */
    private static List<String> metrics(String text) {
        Object doc;
        try {
            doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            return List.of();
        }
        Object metric = doc instanceof java.util.Map<?, ?> m ? m.get("metric") : null;
        List<?> items = metric instanceof List<?> list ? list : metric == null ? List.of() : List.of(metric);
        List<String> names = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof String s) || s.isBlank()) {
                return List.of();
            }
            names.add(s);
        }
        return names;
    }
}
