package io.tunelab.tracker.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the audit trail: an alias moved from one version to another.
 *
 * @param id          increasing with time; a cursor for readers
 * @param model       the model's name
 * @param alias       the alias
 * @param fromVersion the version it pointed at before, or null if it was created
 * @param toVersion   the version it points at after, or null if it was removed
 * @param when        when it moved
 * @param actor       who moved it
 * @param host        from which host
 * @param reason      why
 * @param evidence    supporting facts, e.g. {@code {"gate": "pass", "p_value": 0.003}}
 */
public record AliasMove(long id, String model, String alias, Integer fromVersion, Integer toVersion, Instant when,
                        String actor, String host, String reason, Map<String, Object> evidence) {
    public AliasMove {
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }
}
