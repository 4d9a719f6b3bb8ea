package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.registry.AliasMove;
import io.tunelab.tracker.registry.Change;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SQL for {@code model_aliases} and the {@code alias_moves} audit trail, whose rows name their model so that they outlive
 * it. Stateless; caller's transaction.
 */
final class AliasLedger {
    private AliasLedger() {
    }

    /** Version numbers by alias. */
    static Map<String, Integer> aliases(Connection c, long modelId) throws SQLException {
        Map<String, Integer> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.alias_name, v.version_number FROM model_aliases a"
                + " JOIN model_versions v ON v.version_id = a.version_id WHERE a.model_id = ? ORDER BY a.alias_name")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return out;
    }

    /** Aliases by version id. */
    static Map<Long, List<String>> aliasesByVersion(Connection c, long modelId) throws SQLException {
        Map<Long, List<String>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT version_id, alias_name FROM model_aliases WHERE model_id = ? ORDER BY alias_name")) {
            ps.setLong(1, modelId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return out;
    }

    /** Points {@code alias} at {@code versionId}, or removes it when {@code versionId} is null. */
    static void point(Connection c, long modelId, String alias, Long versionId) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM model_aliases WHERE model_id = ? AND alias_name = ?")) {
            del.setLong(1, modelId);
            del.setString(2, alias);
            del.executeUpdate();
        }
        if (versionId == null) {
            return;
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO model_aliases (model_id, alias_name, version_id) VALUES (?, ?, ?)")) {
            in.setLong(1, modelId);
            in.setString(2, alias);
            in.setLong(3, versionId);
            in.executeUpdate();
        }
    }

    /** Appends a move (a deletion when {@code alias} is null) to the audit trail and returns it. */
    static AliasMove record(Connection c, long modelId, String model, String alias, Integer from, Integer to,
                            Instant when, Change change) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alias_moves (model_id, model_name, alias_name,"
                + " from_version, to_version, moved_ns, actor, host_name, reason, evidence_json)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new String[] {"move_id"})) {
            ps.setLong(1, modelId);
            ps.setString(2, model);
            ps.setString(3, alias);
            setVersion(ps, 4, from);
            setVersion(ps, 5, to);
            ps.setLong(6, Times.toNanos(when));
            ps.setString(7, change.actor());
            ps.setString(8, change.host());
            ps.setString(9, change.reason());
            ps.setString(10, JsonCodec.write("alias move evidence", change.evidence()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        return new AliasMove(id, model, alias, from, to, when, change.actor(), change.host(), change.reason(),
                change.evidence());
    }

    private static void setVersion(PreparedStatement ps, int index, Integer version) throws SQLException {
        if (version == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, version);
        }
    }

    /**
     * The moves recorded under a model's name (of one alias when {@code alias} is not null) after move id {@code after},
     * oldest first: those of a model deleted under that name before included.
     */
    static List<AliasMove> history(Connection c, String model, String alias, long after) throws SQLException {
        List<AliasMove> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT move_id, alias_name, from_version, to_version, moved_ns,"
                + " actor, host_name, reason, evidence_json FROM alias_moves WHERE model_name = ? AND move_id > ?"
                + (alias == null ? "" : " AND alias_name = ?") + " ORDER BY move_id")) {
            ps.setString(1, model);
            ps.setLong(2, after);
            if (alias != null) {
                ps.setString(3, alias);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int from = rs.getInt(3);
                    Integer fromOrNull = rs.wasNull() ? null : from;
                    int to = rs.getInt(4);
                    Integer toOrNull = rs.wasNull() ? null : to;
                    out.add(new AliasMove(rs.getLong(1), model, rs.getString(2), fromOrNull, toOrNull,
                            Times.fromNanos(rs.getLong(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                            JsonCodec.readMap(rs.getString(9))));
                }
            }
        }
        return out;
    }
}
