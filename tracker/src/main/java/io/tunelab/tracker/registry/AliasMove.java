package io.tunelab.tracker.registry;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One entry of the registry's audit trail: an alias moved from one version to another, a move of it was refused
 * ({@link #refused()}: it stays where it was), or, with no alias, a version ({@code fromVersion}) or the whole model
 * (no {@code fromVersion} either) was deleted. The trail of a deleted model
 * stays readable by the model's name.
 *
 * @param id          increasing with time; a cursor for readers
 * @param model       the model's name
 * @param alias       the alias, or null for the deletion of a version or model
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

    /** Whether this entry records a refused move (a gate kept the alias at its version): nothing moved. */
    public boolean refused() {
        return alias != null && fromVersion != null && fromVersion.equals(toVersion);
    }

    /** Whether this entry records the deletion of version {@code fromVersion} rather than an alias move. */
    public boolean versionDeleted() {
        return alias == null && fromVersion != null;
    }

    /** Whether this entry records the deletion of the whole model. */
    public boolean modelDeleted() {
        return alias == null && fromVersion == null;
    }

    /** What moved, as a trail shows it: the alias, {@code (version deleted)} or {@code (model deleted)}. */
    public String subject() {
        return alias != null ? alias : versionDeleted() ? "(version deleted)" : "(model deleted)";
    }
}
