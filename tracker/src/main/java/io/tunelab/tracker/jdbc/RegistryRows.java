package io.tunelab.tracker.jdbc;

import io.tunelab.search.text.Suggestions;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.registry.ModelVersion;
import io.tunelab.tracker.registry.RegisteredModel;
import io.tunelab.tracker.registry.VersionMetric;
import io.tunelab.tracker.registry.VersionSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SQL for {@code registered_models}, {@code model_versions} and their tags. Stateless; caller's transaction. */
final class RegistryRows {
    private static final String VERSION_COLUMNS = "v.version_id, v.version_number, v.source_trial_id, v.source_study,"
            + " v.source_trial_no, v.artifact_name, v.artifact_uri, v.artifact_size, v.artifact_sha256, v.params_json,"
            + " v.values_json, v.metrics_json, v.description, v.archived, v.created_ns, v.created_by";

    private RegistryRows() {
    }

    /** The model's id; NOT_FOUND otherwise. */
    static long modelId(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT model_id FROM registered_models WHERE model_name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw noSuchModel(c, name);
                }
                return rs.getLong(1);
            }
        }
    }

    /**
     * NOT_FOUND for model {@code name}, with the closest registered name when it looks like a typo
     * ({@link Suggestions#didYouMean}), and where the names are listed.
     */
    static TrackerException noSuchModel(Connection c, String name) throws SQLException {
        return TrackerException.notFound("no registered model named '" + name + "'" + Suggestions.didYouMean(name,
                models(c, null).stream().map(RegisteredModel::name).toList()) + "; `tunelab models` lists the registered"
                + " models");
    }

    /** Locks the model row and stamps it as updated; returns its id. */
    static long lockModel(Connection c, String name, long nowNs) throws SQLException {
        long id = modelId(c, name);
        try (PreparedStatement ps = c.prepareStatement("UPDATE registered_models SET updated_ns = ? WHERE model_id = ?")) {
            ps.setLong(1, nowNs);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
        return id;
    }

    static List<RegisteredModel> models(Connection c, String onlyName) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT model_id, model_name, description, next_version,"
                + " created_ns, updated_ns FROM registered_models" + (onlyName == null ? "" : " WHERE model_name = ?")
                + " ORDER BY model_name")) {
            if (onlyName != null) {
                ps.setString(1, onlyName);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4) - 1,
                            rs.getLong(5), rs.getLong(6)});
                }
            }
        }
        List<RegisteredModel> out = new ArrayList<>();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            out.add(new RegisteredModel((String) r[1], (String) r[2], tags(c, "model_tags", "model_id", id),
                    AliasLedger.aliases(c, id), (Integer) r[3], Times.fromNanos((Long) r[4]), Times.fromNanos((Long) r[5])));
        }
        return out;
    }

    static Map<String, String> tags(Connection c, String table, String idColumn, long id) throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag_name, tag_text FROM " + table + " WHERE "
                + idColumn + " = ? ORDER BY tag_name")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Sets (or, with a null value, removes) a tag in {@code model_tags} or {@code version_tags}. */
    static void setTag(Connection c, String table, String idColumn, long id, String tag, String text) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE " + idColumn + " = ? AND tag_name = ?")) {
            del.setLong(1, id);
            del.setString(2, tag);
            del.executeUpdate();
        }
        if (text == null) {
            return;
        }
        try (PreparedStatement in = c.prepareStatement("INSERT INTO " + table + " (" + idColumn + ", tag_name, tag_text)"
                + " VALUES (?, ?, ?)")) {
            in.setLong(1, id);
            in.setString(2, tag);
            in.setString(3, text);
            in.executeUpdate();
        }
    }

    /** The id of a version of a model; NOT_FOUND otherwise. */
    static long versionId(Connection c, long modelId, String model, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version_id FROM model_versions WHERE model_id = ? AND version_number = ?")) {
            ps.setLong(1, modelId);
            ps.setInt(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw TrackerException.notFound("model '" + model + "' has no version " + version);
                }
                return rs.getLong(1);
            }
        }
    }

    /** Sets one column ({@code description} or {@code archived}) of a version; NOT_FOUND for an unknown version. */
    static void setVersionColumn(Connection c, long modelId, String model, int version, String column, Object value)
            throws SQLException {
        long vid = versionId(c, modelId, model, version);
        try (PreparedStatement ps = c.prepareStatement("UPDATE model_versions SET " + column + " = ? WHERE version_id = ?")) {
            ps.setObject(1, value);
            ps.setLong(2, vid);
            ps.executeUpdate();
        }
    }

    /** Versions of a model, by number; only {@code onlyVersion} when it is positive. */
    static List<ModelVersion> versions(Connection c, long modelId, String model, int onlyVersion) throws SQLException {
        Map<Long, List<String>> aliases = AliasLedger.aliasesByVersion(c, modelId);
        Map<Long, ModelVersion> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM model_versions v"
                + " WHERE v.model_id = ?" + (onlyVersion > 0 ? " AND v.version_number = ?" : "")
                + " ORDER BY v.version_number")) {
            ps.setLong(1, modelId);
            if (onlyVersion > 0) {
                ps.setInt(2, onlyVersion);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), version(rs, model, aliases.getOrDefault(rs.getLong(1), List.of())));
                }
            }
        }
        List<ModelVersion> out = new ArrayList<>();
        for (Map.Entry<Long, ModelVersion> e : rows.entrySet()) {
            ModelVersion v = e.getValue();
            out.add(new ModelVersion(v.model(), v.version(), v.source(), v.params(), v.values(), v.metrics(),
                    v.description(), tags(c, "version_tags", "version_id", e.getKey()), v.aliases(), v.archived(),
                    v.created(), v.createdBy()));
        }
        return out;
    }

    private static ModelVersion version(ResultSet rs, String model, List<String> aliases) throws SQLException {
        ArtifactRef artifact = rs.getString(6) == null ? null
                : new ArtifactRef(rs.getString(6), URI.create(rs.getString(7)), rs.getLong(8), rs.getString(9));
        VersionSource source = new VersionSource(rs.getLong(3), rs.getString(4), rs.getInt(5), artifact);
        List<Double> values = new ArrayList<>();
        if (JsonCodec.read(rs.getString(11)) instanceof List<?> list) {
            list.forEach(v -> values.add(((Number) v).doubleValue()));
        }
        return new ModelVersion(model, rs.getInt(2), source, JsonCodec.readMap(rs.getString(10)), values,
                metrics(JsonCodec.readMap(rs.getString(12))), rs.getString(13), Map.of(), aliases, rs.getBoolean(14),
                Times.fromNanos(rs.getLong(15)), rs.getString(16));
    }

    private static Map<String, VersionMetric> metrics(Map<String, Object> json) {
        Map<String, VersionMetric> out = new HashMap<>();
        json.forEach((name, v) -> {
            Map<?, ?> m = (Map<?, ?>) v;
            out.put(name, new VersionMetric(((Number) m.get("count")).longValue(), ((Number) m.get("last_step")).longValue(),
                    ((Number) m.get("last")).doubleValue(), number(m.get("min")), number(m.get("max"))));
        });
        return out;
    }

    private static Double number(Object o) {
        return o == null ? null : ((Number) o).doubleValue();
    }

    /** The JSON object stored for a version's metrics. */
    static Map<String, Object> metricsJson(Map<String, VersionMetric> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((name, m) -> {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("count", m.count());
            o.put("last_step", m.lastStep());
            o.put("last", m.last());
            o.put("min", m.min());
            o.put("max", m.max());
            out.put(name, o);
        });
        return out;
    }
}
