package io.tunelab.tracker.jdbc;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.DistributionJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The maintained search space of each study ({@code study_param_dists}, schema version 7): one row per
 * parameter name and distribution with the first trial (number, then position) that set it so, so that
 * {@link io.tunelab.tracker.query.TrialsSearchSpace}'s answer is read without walking the trials. A trial setting
 * a parameter writes only when it is the first with that distribution or sets it earlier by number than
 * the row says (rare after a study's first trials); those writes are serialised per study on the
 * {@code study_aggregates} row, which state changes lock only after the trial row, so lock order stays
 * acyclic. Stateless; every method runs on the caller's transaction.
 */
final class SpaceRows {
    private record Seen(String json, int number, int order) {
    }

    private SpaceRows() {
    }

    /** Trial {@code trialId} (number {@code number}) set parameter {@code name} at position {@code order}. */
    static void seen(Connection c, long trialId, int number, int order, String name, String json) throws SQLException {
        long studyId;
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id FROM trials WHERE trial_id = ?")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                studyId = rs.getLong(1);
            }
        }
        if (!needsWrite(find(c, studyId, name, json), number, order)) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT study_id FROM study_aggregates WHERE study_id = ? FOR UPDATE")) {
            ps.setLong(1, studyId);
            ps.executeQuery().close();
        }
        Seen row = find(c, studyId, name, json);
        if (row == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_param_dists (study_id, param_name,"
                    + " distribution_json, first_number, first_order) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, studyId);
                ps.setString(2, name);
                ps.setString(3, json);
                ps.setInt(4, number);
                ps.setInt(5, order);
                ps.executeUpdate();
            }
        } else if (needsWrite(row, number, order)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE study_param_dists SET first_number = ?, first_order = ?"
                    + " WHERE study_id = ? AND param_name = ? AND distribution_json = ?")) {
                ps.setInt(1, number);
                ps.setInt(2, order);
                ps.setLong(3, studyId);
                ps.setString(4, name);
                ps.setString(5, json);
                ps.executeUpdate();
            }
        }
    }

    private static boolean needsWrite(Seen row, int number, int order) {
        return row == null || number < row.number() || number == row.number() && order < row.order();
    }

    private static Seen find(Connection c, long studyId, String name, String json) throws SQLException {
        for (Seen s : rows(c, studyId, name)) {
            if (s.json().equals(json)) {
                return s;
            }
        }
        return null;
    }

    private static List<Seen> rows(Connection c, long studyId, String name) throws SQLException {
        List<Seen> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT distribution_json, first_number, first_order"
                + " FROM study_param_dists WHERE study_id = ? AND param_name = ?")) {
            ps.setLong(1, studyId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Seen(rs.getString(1), rs.getInt(2), rs.getInt(3)));
                }
            }
        }
        return out;
    }

    /**
     * The study's space: names by first appearance; a name with one distribution takes it, one with
     * several takes the distribution of the highest-numbered trial that set it (one indexed look-up).
     */
    static Map<String, Distribution> space(Connection c, long studyId) throws SQLException {
        Map<String, List<Seen>> byName = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT param_name, distribution_json, first_number, first_order"
                + " FROM study_param_dists WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byName.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Seen(rs.getString(2), rs.getInt(3), rs.getInt(4)));
                }
            }
        }
        Comparator<Seen> first = Comparator.comparingInt(Seen::number).thenComparingInt(Seen::order);
        List<String> names = new ArrayList<>(byName.keySet());
        names.sort(Comparator.comparing(n -> Collections.min(byName.get(n), first), first));
        Map<String, Distribution> out = new LinkedHashMap<>();
        for (String name : names) {
            List<Seen> seen = byName.get(name);
            out.put(name, DistributionJson.fromJson(seen.size() == 1 ? seen.get(0).json() : latest(c, studyId, name)));
        }
        return Collections.unmodifiableMap(out);
    }

    private static String latest(Connection c, long studyId, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.distribution_json FROM trials t"
                + " JOIN trial_params p ON p.trial_id = t.trial_id AND p.param_name = ?"
                + " WHERE t.study_id = ? ORDER BY t.trial_number DESC FETCH FIRST 1 ROWS ONLY")) {
            ps.setString(1, name);
            ps.setLong(2, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
