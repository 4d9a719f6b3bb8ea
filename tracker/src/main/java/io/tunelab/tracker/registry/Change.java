package io.tunelab.tracker.registry;

import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.provenance.RuntimeInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who asks for an alias move or a deletion and why, recorded in the audit trail.
 *
 * @param actor    who (a user name, {@code ci}, {@code dashboard})
 * @param host     from which host
 * @param reason   why, non-blank
 * @param evidence supporting facts (a gate verdict, a p-value, a ticket), JSON-compatible values
 */
public record Change(String actor, String host, String reason, Map<String, Object> evidence) {
    public Change {
        if (actor == null || actor.isBlank()) {
            throw TrackerException.invalid("an alias move needs an actor, got '" + actor + "'");
        }
        if (reason == null || reason.isBlank()) {
            throw TrackerException.invalid("an alias move needs a reason, got '" + reason + "'");
        }
        host = host == null ? RuntimeInfo.hostName() : host;
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    /** A change by {@code actor} from this host, without evidence. */
    public static Change by(String actor, String reason) {
        return new Change(actor, RuntimeInfo.hostName(), reason, Map.of());
    }

    /** The same change with one more piece of evidence. */
    public Change withEvidence(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(evidence);
        more.put(key, value);
        return new Change(actor, host, reason, more);
    }
}
