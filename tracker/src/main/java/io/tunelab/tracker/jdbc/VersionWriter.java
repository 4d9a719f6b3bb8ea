package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.registry.VersionMetric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

/** Inserts a model version row copied from its source trial. Stateless; caller's transaction holding the model lock. */
final class VersionWriter {
    private VersionWriter() {
    }

    /** Inserts the next version of the locked model; returns its number. */
    static int insert(Connection c, long modelId, FrozenTrial trial, String artifactName, Map<String, VersionMetric> metrics,
                      String description, String createdBy, long nowNs) throws SQLException {
        int number;
        try (PreparedStatement ps = c.prepareStatement("SELECT next_version FROM registered_models WHERE model_id = ?")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                number = rs.getInt(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE registered_models SET next_version = next_version + 1 WHERE model_id = ?")) {
            ps.setLong(1, modelId);
            ps.executeUpdate();
        }
        String[] artifact = artifact(c, trial, artifactName);
        String study;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.study_name FROM trials t JOIN studies s"
                + " ON s.study_id = t.study_id WHERE t.trial_id = ?")) {
            ps.setLong(1, trial.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                study = rs.getString(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO model_versions (model_id, version_number,"
                + " source_trial_id, source_study, source_trial_no, artifact_name, artifact_uri, artifact_size,"
                + " artifact_sha256, params_json, values_json, metrics_json, description, archived, created_ns, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?, ?)")) {
            ps.setLong(1, modelId);
            ps.setInt(2, number);
            ps.setLong(3, trial.id());
            ps.setString(4, study);
            ps.setInt(5, trial.number());
            ps.setString(6, artifact == null ? null : artifact[0]);
            ps.setString(7, artifact == null ? null : artifact[1]);
            if (artifact == null) {
                ps.setNull(8, Types.BIGINT);
            } else {
                ps.setLong(8, Long.parseLong(artifact[2]));
            }
            ps.setString(9, artifact == null ? null : artifact[3]);
            ps.setString(10, JsonCodec.write("trial parameters", trial.params()));
            ps.setString(11, JsonCodec.write("trial values", trial.values()));
            ps.setString(12, JsonCodec.write("metric summaries", RegistryRows.metricsJson(metrics)));
            ps.setString(13, description);
            ps.setLong(14, nowNs);
            ps.setString(15, createdBy);
            ps.executeUpdate();
        }
        return number;
    }

    /** {@code {name, uri, size, sha256}} of the trial's artifact, null when none is asked for; NOT_FOUND if missing. */
    private static String[] artifact(Connection c, FrozenTrial trial, String name) throws SQLException {
        if (name == null) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT artifact_name, artifact_uri, size_bytes, sha256"
                + " FROM trial_artifacts WHERE trial_id = ? AND artifact_name = ?")) {
            ps.setLong(1, trial.id());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw TrackerException.notFound("trial " + trial.number() + " has no artifact named '" + name + "'");
                }
                return new String[] {rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(3)), rs.getString(4)};
            }
        }
    }
}
