package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.ArtifactRef;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Rows of {@code trial_artifacts}: what the database knows of each trial's files. Stateless. */
final class ArtifactRows {

    /** Records an artifact, replacing an earlier one of the same name. */
    void put(Connection c, long trialId, ArtifactRef ref, Instant now) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM trial_artifacts WHERE trial_id = ? AND artifact_name = ?")) {
            del.setLong(1, trialId);
            del.setString(2, ref.name());
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_artifacts (trial_id, artifact_name,"
                + " artifact_uri, size_bytes, sha256, created_ns) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, trialId);
            ps.setString(2, ref.name());
            ps.setString(3, ref.uri().toString());
            ps.setLong(4, ref.size());
            ps.setString(5, ref.sha256());
            ps.setLong(6, Times.toNanos(now));
            ps.executeUpdate();
        }
    }

    /** Forgets the trial's artifact called {@code name}; returns whether it had one. */
    boolean delete(Connection c, long trialId, String name) throws SQLException {
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM trial_artifacts WHERE trial_id = ? AND artifact_name = ?")) {
            del.setLong(1, trialId);
            del.setString(2, name);
            return del.executeUpdate() > 0;
        }
    }

    /** The trial's artifacts in the order they were stored. */
    List<ArtifactRef> list(Connection c, long trialId) throws SQLException {
        List<ArtifactRef> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT artifact_name, artifact_uri, size_bytes, sha256"
                + " FROM trial_artifacts WHERE trial_id = ? ORDER BY created_ns, artifact_name")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ArtifactRef(rs.getString(1), URI.create(rs.getString(2)), rs.getLong(3), rs.getString(4)));
                }
            }
        }
        return out;
    }

    /** One artifact of a trial by name, or null. */
    static ArtifactRef find(Connection c, long trialId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT artifact_name, artifact_uri, size_bytes, sha256"
                + " FROM trial_artifacts WHERE trial_id = ? AND artifact_name = ?")) {
            ps.setLong(1, trialId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ArtifactRef(rs.getString(1), URI.create(rs.getString(2)), rs.getLong(3),
                        rs.getString(4)) : null;
            }
        }
    }
}
