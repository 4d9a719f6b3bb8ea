package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.TrackerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Rows of {@code studies} and {@code study_attrs}. Stateless; every method runs on the caller's transaction. */
final class StudyTable {
    private static final String COLUMNS = "study_id, study_name, directions, created_ns";

    StudyRecord create(Connection c, String name, List<Direction> directions, Instant now) throws SQLException {
        StorageNames.checkStudyName(name);
        if (directions.isEmpty()) {
            throw TrackerException.invalid("study '" + name + "' needs at least one direction");
        }
        if (find(c, name).isPresent()) {
            throw duplicate(name);
        }
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO studies (study_name, directions, created_ns,"
                + " next_number, change_seq) VALUES (?, ?, ?, 0, 0)", new String[] {"study_id"})) {
            ps.setString(1, name);
            ps.setString(2, directions.stream().map(Direction::name).collect(Collectors.joining(",")));
            ps.setLong(3, Times.toNanos(now));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            AggregateRows.insertStudy(c, id);
        } catch (SQLException e) {
            if (Dialect.isConstraintViolation(e)) {
                throw duplicate(name);
            }
            throw e;
        }
        return new StudyRecord(id, name, directions, now, Map.of());
    }

    private static TrackerException duplicate(String name) {
        return TrackerException.conflict("a study named '" + name + "' already exists");
    }

    Optional<StudyRecord> find(Connection c, String name) throws SQLException {
        List<StudyRecord> found = select(c, "WHERE study_name = ?", name);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    StudyRecord get(Connection c, long id) throws SQLException {
        List<StudyRecord> found = select(c, "WHERE study_id = ?", id);
        if (found.isEmpty()) {
            throw TrackerException.notFound("no study with id " + id);
        }
        return found.get(0);
    }

    List<StudyRecord> all(Connection c) throws SQLException {
        return select(c, "", null);
    }

    private List<StudyRecord> select(Connection c, String where, Object arg) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM studies " + where + " ORDER BY study_id")) {
            if (arg != null) {
                ps.setObject(1, arg);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)});
                }
            }
        }
        Map<Long, Map<String, Object>> attrs = attrs(c, rows.size() == 1 ? (Long) rows.get(0)[0] : null);
        List<StudyRecord> out = new ArrayList<>();
        for (Object[] r : rows) {
            List<Direction> directions = Arrays.stream(((String) r[2]).split(",")).map(Direction::valueOf).toList();
            out.add(new StudyRecord((Long) r[0], (String) r[1], directions, Times.fromNanos((Long) r[3]),
                    attrs.getOrDefault((Long) r[0], Map.of())));
        }
        return out;
    }

    private static Map<Long, Map<String, Object>> attrs(Connection c, Long onlyStudy) throws SQLException {
        Map<Long, Map<String, Object>> out = new HashMap<>();
        String sql = "SELECT study_id, attr_name, attr_json FROM study_attrs"
                + (onlyStudy == null ? "" : " WHERE study_id = ?") + " ORDER BY study_id, attr_name";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (onlyStudy != null) {
                ps.setLong(1, onlyStudy);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
                            .put(rs.getString(2), JsonCodec.read(rs.getString(3)));
                }
            }
        }
        return out;
    }

    /**
     * Sets a study attribute, creating it if missing. Holds the study row's lock while it does, so that two
     * writers setting the same new attribute at once (Spark tasks recording a fail-fast stop) do not both
     * insert it.
     */
    void setAttr(Connection c, long studyId, String key, Object value) throws SQLException {
        checkAttrName(key);
        String json = JsonCodec.write("attribute '" + key + "'", value);
        try (PreparedStatement lock = c.prepareStatement("SELECT study_id FROM studies WHERE study_id = ? FOR UPDATE")) {
            lock.setLong(1, studyId);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next()) {
                    throw TrackerException.notFound("no study with id " + studyId);
                }
            }
        }
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE study_attrs SET attr_json = ? WHERE study_id = ? AND attr_name = ?")) {
            up.setString(1, json);
            up.setLong(2, studyId);
            up.setString(3, key);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO study_attrs (study_id, attr_name, attr_json) VALUES (?, ?, ?)")) {
            in.setLong(1, studyId);
            in.setString(2, key);
            in.setString(3, json);
            in.executeUpdate();
        }
    }

    /** The storages' one rule for attribute names ({@link StorageNames#checkAttrName}). */
    static void checkAttrName(String key) {
        StorageNames.checkAttrName(key);
    }

    /**
     * Locks the study row and advances its change counter (and, when {@code newTrial}, its next trial
     * number). Every state change of a trial goes through here, so they commit in counter order.
     *
     * @return {@code {number, changeSeq}}: the number for a new trial (or -1) and the new counter
     */
    static long[] advance(Connection c, long studyId, boolean newTrial) throws SQLException {
        String sql = newTrial
                ? "UPDATE studies SET next_number = next_number + 1, change_seq = change_seq + 1 WHERE study_id = ?"
                : "UPDATE studies SET change_seq = change_seq + 1 WHERE study_id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, studyId);
            if (ps.executeUpdate() == 0) {
                throw TrackerException.notFound("no study with id " + studyId);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT next_number, change_seq FROM studies WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {newTrial ? rs.getInt(1) - 1 : -1, rs.getLong(2)};
            }
        }
    }

    /** Every study's change counter, by study id. */
    static Map<Long, Long> changeSeqs(Connection c) throws SQLException {
        Map<Long, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id, change_seq FROM studies ORDER BY study_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getLong(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** The study's change counter without locking; NOT_FOUND for an unknown study. */
    static long changeSeq(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT change_seq FROM studies WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw TrackerException.notFound("no study with id " + studyId);
                }
                return rs.getLong(1);
            }
        }
    }
}
