package io.tunelab.tracker.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A registered model as stored.
 *
 * @param name          unique name
 * @param description   free text, or null
 * @param tags          tags by name
 * @param aliases       version number each alias points at, by alias
 * @param latestVersion the highest version number, 0 before the first version
 * @param created       creation time
 * @param updated       time of the last change to the model, its versions or aliases
 */
public record RegisteredModel(String name, String description, Map<String, String> tags, Map<String, Integer> aliases,
                              int latestVersion, Instant created, Instant updated) {
    public RegisteredModel {
        tags = Collections.unmodifiableMap(new TreeMap<>(tags));
        aliases = Collections.unmodifiableMap(new TreeMap<>(aliases));
    }
}
