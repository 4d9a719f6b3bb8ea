package io.tunelab.tracker.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * SQL that deletes a model version, or a registered model with everything recorded for it. Stateless; caller's
 * transaction holding the model lock. Model files are not touched: a version points at its source trial's artifact.
 */
final class RegistryDeletion {
    private RegistryDeletion() {
    }

    /** Deletes version {@code versionId} with its tags; the caller has removed the aliases pointing at it. */
    static void version(Connection c, long versionId) throws SQLException {
        execute(c, "DELETE FROM version_tags WHERE version_id = ?", versionId);
        execute(c, "DELETE FROM model_versions WHERE version_id = ?", versionId);
    }

    /**
     * Deletes model {@code modelId}: its aliases, its versions with their tags, its own tags. Its audit trail stays,
     * detached from the model's row and found by the model's name.
     */
    static void model(Connection c, long modelId) throws SQLException {
        for (String sql : List.of("DELETE FROM model_aliases WHERE model_id = ?",
                "UPDATE alias_moves SET model_id = NULL WHERE model_id = ?",
                "DELETE FROM version_tags WHERE version_id IN (SELECT version_id FROM model_versions WHERE model_id = ?)",
                "DELETE FROM model_versions WHERE model_id = ?", "DELETE FROM model_tags WHERE model_id = ?",
                "DELETE FROM registered_models WHERE model_id = ?")) {
            execute(c, sql, modelId);
        }
    }

    private static void execute(Connection c, String sql, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }
}
