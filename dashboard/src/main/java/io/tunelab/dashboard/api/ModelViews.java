package io.tunelab.dashboard.api;

import io.tunelab.dashboard.data.ModelDetail;
import io.tunelab.dashboard.data.PromoteResult;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegisteredModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON the models page reads, built from the registry's records: a version shows its source trial
 * flat and each metric's last value, an alias move says who moved it as {@code actor (host)}. Stateless.
 */
final class ModelViews {
    private ModelViews() {
    }

    /** {@code name, description ("" if none), tags, latestVersion, aliases, updated}. */
    static Map<String, Object> model(RegisteredModel m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("description", m.description() == null ? "" : m.description());
        out.put("tags", m.tags());
        out.put("latestVersion", m.latestVersion());
        out.put("aliases", m.aliases());
        out.put("updated", m.updated());
        return out;
    }

    static List<Map<String, Object>> models(List<RegisteredModel> models) {
        return models.stream().map(ModelViews::model).toList();
    }

    /**
     * {@code model, version, trialId, studyName, trialNumber, source (the model artifact's URI, "" if
     * none), params, values (the trial's objective values), metrics (last value by name), archived, created}.
     */
    static Map<String, Object> version(ModelVersion v) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        v.metrics().forEach((name, m) -> metrics.put(name, m.last()));
        ArtifactRef artifact = v.source().artifact();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", v.model());
        out.put("version", v.version());
        out.put("trialId", v.source().trialId());
        out.put("studyName", v.source().study());
        out.put("trialNumber", v.source().trialNumber());
        out.put("source", artifact == null ? "" : artifact.uri().toString());
        out.put("params", v.params());
        out.put("values", v.values());
        out.put("metrics", metrics);
        out.put("archived", v.archived());
        out.put("created", v.created());
        return out;
    }

    /**
     * {@code model, alias (null for a deletion), subject (the alias, "(version deleted)" or "(model deleted)"),
     * fromVersion, toVersion, refused (a gate kept the alias where it was: from and to are its version), at, actor
     * (with the host in parentheses), reason}.
     */
    static Map<String, Object> move(AliasMove m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", m.model());
        out.put("alias", m.alias());
        out.put("subject", m.subject());
        out.put("fromVersion", m.fromVersion());
        out.put("toVersion", m.toVersion());
        out.put("refused", m.refused());
        out.put("at", m.when());
        out.put("actor", m.host() == null || m.host().isBlank() ? m.actor() : m.actor() + " (" + m.host() + ")");
        out.put("reason", m.reason());
        return out;
    }

    /** {@code model, versions, audit}, each as above. */
    static Map<String, Object> detail(ModelDetail d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", model(d.model()));
        out.put("versions", d.versions().stream().map(ModelViews::version).toList());
        out.put("audit", d.audit().stream().map(ModelViews::move).toList());
        return out;
    }

    /**
     * The 404 error body of a model deleted under {@code name} ({@link ErrorMapping#body}) with {@code deleted}, the
     * deletion, and {@code audit}, the trail newest first (the deletion first), each as {@link #move}.
     */
    static Map<String, Object> deleted(String name, List<AliasMove> trail) {
        AliasMove deletion = trail.get(0);
        Map<String, Object> out = ErrorMapping.body(404, "NOT_FOUND", "model '" + name + "' was deleted at "
                + deletion.when() + " by " + move(deletion).get("actor")
                + (deletion.reason() == null || deletion.reason().isBlank() ? "" : " (" + deletion.reason() + ")"));
        out.put("deleted", move(deletion));
        out.put("audit", trail.stream().map(ModelViews::move).toList());
        return out;
    }

    /** {@code moved, version, move, gate}; version and move as above, either may be null. */
    static Map<String, Object> promotion(PromoteResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("moved", r.moved());
        out.put("version", r.version() == null ? null : version(r.version()));
        out.put("move", r.move() == null ? null : move(r.move()));
        out.put("gate", r.gate());
        return out;
    }
}
