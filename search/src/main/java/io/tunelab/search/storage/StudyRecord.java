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
 * @param systemAttrs attributes set by Tunelab (sampler and pruner configuration, budget...)
 */
public record StudyRecord(long id, String name, List<Direction> directions, Instant created,
                          Map<String, Object> systemAttrs) {
    public StudyRecord {
        directions = List.copyOf(directions);
        systemAttrs = Collections.unmodifiableMap(new LinkedHashMap<>(systemAttrs));
    }
}
