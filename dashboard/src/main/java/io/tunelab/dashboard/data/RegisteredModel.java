package io.tunelab.dashboard.data;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A registered model as the models page lists it.
 *
 * @param name          unique name
 * @param description   free text, maybe empty
 * @param tags          key/value tags
 * @param latestVersion the highest version number, 0 if none
 * @param aliases       alias name to the version it points at
 * @param updated       last change (new version or alias move)
 */
public record RegisteredModel(String name, String description, Map<String, String> tags, int latestVersion,
                              Map<String, Integer> aliases, Instant updated) {
    public RegisteredModel {
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        aliases = Collections.unmodifiableMap(new LinkedHashMap<>(aliases));
    }
}
