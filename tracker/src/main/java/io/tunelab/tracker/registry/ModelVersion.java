package io.tunelab.tracker.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One numbered version of a registered model, with metadata copied from its source trial.
 *
 * @param model       the model's name
 * @param version     1, 2, 3... per model
 * @param source      the trial and artifact it came from
 * @param params      the trial's parameters
 * @param values      the trial's objective values
 * @param metrics     the trial's metric summaries by name
 * @param description free text, or null
 * @param tags        tags by name
 * @param aliases     aliases pointing at this version now
 * @param archived    whether it is archived (no alias may point at it)
 * @param created     creation time
 * @param createdBy   who created it
 */
public record ModelVersion(String model, int version, VersionSource source, Map<String, Object> params,
                           List<Double> values, Map<String, VersionMetric> metrics, String description,
                           Map<String, String> tags, List<String> aliases, boolean archived, Instant created,
                           String createdBy) {
    public ModelVersion {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        values = List.copyOf(values);
        metrics = Collections.unmodifiableMap(new TreeMap<>(metrics));
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        aliases = List.copyOf(aliases);
    }
}
