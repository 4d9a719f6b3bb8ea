package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.ParetoSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-study aggregates the tracker maintains ({@code study_aggregates}, {@code study_front}; schema
 * version 6), so summaries never read a study's trials: counts by state, the latest start or end, the
 * infeasible COMPLETE trials, the best single-objective trial and the Pareto front of several objectives.
 *
 * <p>Every change goes through here in the transaction of the trial change that causes it, after
 * {@link StudyTable#advance} locked the study row, so changes to one study's aggregates are serialised
 * on every database (counts also change by atomic {@code UPDATE … SET n = n + 1}, and the best trial is
 * read {@code FOR UPDATE}). The verdicts equal {@link StudyAggregates}' (and {@code StudySummary.of}):
 * the best trial is the first feasible one by number with the best value, which is the first feasible
 * COMPLETE trial when its value is NaN (nothing beats NaN, NaN beats nothing), else the best non-NaN
 * value, ties by number. A multi-objective front is kept incrementally while no COMPLETE value is NaN
 * (dominance is transitive then); a NaN marks it stale and readers compute it. Stateless.
 */
final class AggregateRows {
    /** What a summary reads of one study; {@code frontSize} is -1 while the front is stale. */
    record Row(Map<TrialState, Integer> counts, long lastNs, int infeasible, Long bestId, int bestNumber,
               List<Double> bestValues, int frontSize) {
    }

    private static final String SELECT = "SELECT a.study_id, a.waiting_count, a.running_count, a.complete_count,"
            + " a.pruned_count, a.fail_count, a.infeasible_count, a.last_ns, a.first_id, a.first_number, a.first_nan,"
            + " a.best_id, a.best_number, a.best_value, a.best_marker, a.front_stale,"
            + " (SELECT COUNT(*) FROM study_front f WHERE f.study_id = a.study_id) FROM study_aggregates a";

    private AggregateRows() {
    }

    /** The empty aggregates of a new study. */
    static void insertStudy(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_aggregates (study_id, waiting_count,"
                + " running_count, complete_count, pruned_count, fail_count, infeasible_count, first_nan, front_stale)"
                + " VALUES (?, 0, 0, 0, 0, 0, 0, FALSE, FALSE)")) {
            ps.setLong(1, studyId);
            ps.executeUpdate();
        }
    }

    /**
     * A trial of the study moved from state {@code from} (null for a new trial) to {@code to} at
     * {@code atNs} (a start or end time; {@link Long#MIN_VALUE} when it has none).
     */
    static void moved(Connection c, long studyId, TrialState from, TrialState to, long atNs) throws SQLException {
        StringBuilder sql = new StringBuilder("UPDATE study_aggregates SET ").append(column(to)).append(" = ")
                .append(column(to)).append(" + 1");
        if (from != null) {
            sql.append(", ").append(column(from)).append(" = ").append(column(from)).append(" - 1");
        }
        sql.append(", last_ns = CASE WHEN last_ns IS NULL OR last_ns < ? THEN ? ELSE last_ns END WHERE study_id = ?");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            Long at = atNs == Long.MIN_VALUE ? null : atNs;
            ps.setObject(1, at, java.sql.Types.BIGINT);
            ps.setObject(2, at, java.sql.Types.BIGINT);
            ps.setLong(3, studyId);
            ps.executeUpdate();
        }
    }

    private static String column(TrialState state) {
        return state.name().toLowerCase(java.util.Locale.ROOT) + "_count";
    }

    /**
     * A RUNNING trial of study {@code studyId} finished COMPLETE with {@code values}: counts it as infeasible when its
     * {@code constraints} attribute does not hold, else offers it as the best trial or a front member.
     * The caller has already {@link #moved} it.
     */
    static void completed(Connection c, long studyId, long trialId, int number, List<Double> values)
            throws SQLException {
        if (!feasible(c, trialId)) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE study_aggregates SET infeasible_count = infeasible_count + 1 WHERE study_id = ?")) {
                ps.setLong(1, studyId);
                ps.executeUpdate();
            }
            return;
        }
        List<Direction> directions = directions(c, studyId);
        if (values.size() != directions.size()) {
            return;
        }
        if (directions.size() == 1) {
            offerBest(c, studyId, directions.get(0), trialId, number, values.get(0));
        } else {
            offerFront(c, studyId, directions, trialId, values);
        }
    }

    private static List<Direction> directions(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT directions FROM studies WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Arrays.stream(rs.getString(1).split(",")).map(Direction::valueOf).toList();
            }
        }
    }

    private static boolean feasible(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT attr_json FROM trial_attrs"
                + " WHERE trial_id = ? AND attr_scope = 'U' AND attr_name = ?")) {
            ps.setLong(1, trialId);
            ps.setString(2, Constraints.USER_ATTR);
            try (ResultSet rs = ps.executeQuery()) {
                return !rs.next() || Constraints.attributeHolds(JsonCodec.read(rs.getString(1)));
            }
        }
    }

    private static void offerBest(Connection c, long studyId, Direction direction, long trialId, int number, double value)
            throws SQLException {
        Integer firstNumber;
        Integer bestNumber;
        double best;
        try (PreparedStatement ps = c.prepareStatement("SELECT first_number, best_number, best_value, best_marker"
                + " FROM study_aggregates WHERE study_id = ? FOR UPDATE")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                firstNumber = rs.getObject(1, Integer.class);
                bestNumber = rs.getObject(2, Integer.class);
                best = SqlDoubles.read(rs, 3, 4);
            }
        }
        if (firstNumber == null || number < firstNumber) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE study_aggregates SET first_id = ?, first_number = ?, first_nan = ? WHERE study_id = ?")) {
                ps.setLong(1, trialId);
                ps.setInt(2, number);
                ps.setBoolean(3, Double.isNaN(value));
                ps.setLong(4, studyId);
                ps.executeUpdate();
            }
        }
        if (!Double.isNaN(value)
                && (bestNumber == null || direction.better(value, best) || value == best && number < bestNumber)) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE study_aggregates SET best_id = ?, best_number = ?,"
                    + " best_value = ?, best_marker = ? WHERE study_id = ?")) {
                ps.setLong(1, trialId);
                ps.setInt(2, number);
                SqlDoubles.bind(ps, 3, 4, value);
                ps.setLong(5, studyId);
                ps.executeUpdate();
            }
        }
    }

    private static void offerFront(Connection c, long studyId, List<Direction> directions, long trialId, List<Double> values)
            throws SQLException {
        boolean stale;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT front_stale FROM study_aggregates WHERE study_id = ? FOR UPDATE")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                stale = rs.getBoolean(1);
            }
        }
        if (stale) {
            return;
        }
        if (values.stream().anyMatch(v -> Double.isNaN(v))) {
            markStale(c, studyId);
            return;
        }
        double[] loss = losses(directions, values);
        Map<Long, double[]> front = front(c, studyId, directions);
        List<Long> dominated = new ArrayList<>();
        for (Map.Entry<Long, double[]> member : front.entrySet()) {
            if (ParetoSet.dominates(member.getValue(), loss)) {
                return;
            }
            if (ParetoSet.dominates(loss, member.getValue())) {
                dominated.add(member.getKey());
            }
        }
        try (PreparedStatement del = c.prepareStatement("DELETE FROM study_front WHERE study_id = ? AND trial_id = ?")) {
            for (long id : dominated) {
                del.setLong(1, studyId);
                del.setLong(2, id);
                del.addBatch();
            }
            if (!dominated.isEmpty()) {
                del.executeBatch();
            }
        }
        insertFront(c, studyId, List.of(trialId));
    }

    static void markStale(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE study_aggregates SET front_stale = TRUE WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM study_front WHERE study_id = ?")) {
            ps.setLong(1, studyId);
            ps.executeUpdate();
        }
    }

    static void insertFront(Connection c, long studyId, List<Long> trialIds) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO study_front (study_id, trial_id) VALUES (?, ?)")) {
            for (long id : trialIds) {
                ps.setLong(1, studyId);
                ps.setLong(2, id);
                ps.addBatch();
            }
            if (!trialIds.isEmpty()) {
                ps.executeBatch();
            }
        }
    }

    /** The current front members' losses, by trial id. */
    private static Map<Long, double[]> front(Connection c, long studyId, List<Direction> directions) throws SQLException {
        Map<Long, double[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT v.trial_id, v.objective_index, v.objective_value,"
                + " v.value_marker FROM study_front f JOIN trial_values v ON v.trial_id = f.trial_id WHERE f.study_id = ?")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int index = rs.getInt(2);
                    if (index < directions.size()) {
                        out.computeIfAbsent(rs.getLong(1), k -> new double[directions.size()])[index] =
                                directions.get(index).asLoss(SqlDoubles.read(rs, 3, 4));
                    }
                }
            }
        }
        return out;
    }

    private static double[] losses(List<Direction> directions, List<Double> values) {
        double[] loss = new double[directions.size()];
        Arrays.setAll(loss, i -> directions.get(i).asLoss(values.get(i)));
        return loss;
    }

    /** Every study's row, by study id. */
    static Map<Long, Row> all(Connection c) throws SQLException {
        return select(c, "", null);
    }

    /** One study's row; null when it has none. */
    static Row of(Connection c, long studyId) throws SQLException {
        return select(c, " WHERE a.study_id = ?", studyId).get(studyId);
    }

    private static Map<Long, Row> select(Connection c, String where, Long studyId) throws SQLException {
        Map<Long, Row> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT + where)) {
            if (studyId != null) {
                ps.setLong(1, studyId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), row(rs));
                }
            }
        }
        return out;
    }

    private static Row row(ResultSet rs) throws SQLException {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        counts.put(TrialState.WAITING, rs.getInt(2));
        counts.put(TrialState.RUNNING, rs.getInt(3));
        counts.put(TrialState.COMPLETE, rs.getInt(4));
        counts.put(TrialState.PRUNED, rs.getInt(5));
        counts.put(TrialState.FAIL, rs.getInt(6));
        long last = rs.getLong(8);
        if (rs.wasNull()) {
            last = Long.MIN_VALUE;
        }
        Long firstId = rs.getObject(9, Long.class);
        int frontSize = rs.getBoolean(16) ? -1 : rs.getInt(17);
        if (firstId != null && rs.getBoolean(11)) {
            return new Row(counts, last, rs.getInt(7), firstId, rs.getInt(10), List.of(Double.NaN), frontSize);
        }
        Long bestId = rs.getObject(12, Long.class);
        return bestId == null ? new Row(counts, last, rs.getInt(7), null, -1, List.of(), frontSize)
                : new Row(counts, last, rs.getInt(7), bestId, rs.getInt(13), List.of(SqlDoubles.read(rs, 14, 15)), frontSize);
    }
}
