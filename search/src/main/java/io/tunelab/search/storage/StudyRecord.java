package io.tunelab.search.storage;

import io.tunelab.search.trial.Direction;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A study as stored: identity, directions and study-level attributes.
 *
 * @param id          storage-wide identifier
 * @param name        unique name
 * @param directions  one per objective
 * @param created     creation time
 * @param systemAttrs attributes set by Tunelab (sampler and pruner configuration, budget...), and the user's
 *                    ({@link #userAttrs()}) under {@value #USER_ATTR_PREFIX}
 */
public record StudyRecord(long id, String name, List<Direction> directions, Instant created,
                          Map<String, Object> systemAttrs) {
    /**
     * Prefix of the system attributes holding the study's user attributes (Optuna's {@code study.user_attrs}): one
     * attribute per key, so that processes sharing the study set keys without overwriting each other's.
     */
    public static final String USER_ATTR_PREFIX = "user_attr:";

    public StudyRecord {
        directions = List.copyOf(directions);
        systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    }

    /** The attributes the user set on the study, by key, in the order they were first set. */
    public Map<String, Object> userAttrs() {
        Map<String, Object> user = new LinkedHashMap<>();
        systemAttrs.forEach((key, value) -> {
            if (key.startsWith(USER_ATTR_PREFIX)) {
                user.put(key.substring(USER_ATTR_PREFIX.length()), value);
            }
        });
        return Collections.unmodifiableMap(user);
    }

    /** The attributes Tunelab set, without the user's. */
    public Map<String, Object> tunelabAttrs() {
        Map<String, Object> own = new LinkedHashMap<>(systemAttrs);
        own.keySet().removeIf(key -> key.startsWith(USER_ATTR_PREFIX));
        return Collections.unmodifiableMap(own);
    }
}
