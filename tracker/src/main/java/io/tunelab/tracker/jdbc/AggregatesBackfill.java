package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 6.1: fills {@link AggregateRows}' tables (created by version 6) for the studies that
 * already exist, one study at a time: counts and latest times from one grouped query, the infeasible
 * count and the single-objective first and best trials from one pass over the COMPLETE trials in
 * number order (the {@code trials_number_unique} index, no sort), and the Pareto front of several
 * objectives as {@link StudyAggregates} computes it. In the migration's transaction.
 */
final class AggregatesBackfill implements JavaMigration {
    static final String VERSION = "6.1";

    private static final String COMPLETE = "SELECT t.trial_id, t.trial_number, v.objective_value, v.value_marker,"
            + " a.attr_json, v.objective_index, w.objective_index FROM trials t"
            + " LEFT JOIN trial_values v ON v.trial_id = t.trial_id AND v.objective_index = 0"
            + " LEFT JOIN trial_values w ON w.trial_id = t.trial_id AND w.objective_index = 1"
            + " LEFT JOIN trial_attrs a ON a.trial_id = t.trial_id AND a.attr_scope = 'U' AND a.attr_name = ?"
            + " WHERE t.study_id = ? AND t.trial_state = 'COMPLETE' ORDER BY t.trial_number";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "study aggregates backfill";
    }

    @Override
    public Integer getChecksum() {
        return 61;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        backfill(context.getConnection());
    }

    /** Writes the aggregates of every study that has none. */
    static void backfill(Connection c) throws SQLException {
        for (StudyRecord study : new StudyTable().all(c)) {
            if (AggregateRows.of(c, study.id()) == null) {
                AggregateRows.insertStudy(c, study.id());
                counts(c, study.id());
                complete(c, study);
            }
        }
    }

    private static void counts(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT trial_state, COUNT(*), MAX(start_ns), MAX(end_ns)"
                + " FROM trials WHERE study_id = ? GROUP BY trial_state")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long last = Math.max(longOr(rs, 3), longOr(rs, 4));
                    try (PreparedStatement up = c.prepareStatement("UPDATE study_aggregates SET "
                            + TrialState.valueOf(rs.getString(1)).name().toLowerCase(java.util.Locale.ROOT) + "_count = ?,"
                            + " last_ns = CASE WHEN last_ns IS NULL OR last_ns < ? THEN ? ELSE last_ns END WHERE study_id = ?")) {
                        up.setInt(1, rs.getInt(2));
                        up.setObject(2, last == Long.MIN_VALUE ? null : last, java.sql.Types.BIGINT);
                        up.setObject(3, last == Long.MIN_VALUE ? null : last, java.sql.Types.BIGINT);
                        up.setLong(4, studyId);
                        up.executeUpdate();
                    }
                }
            }
        }
    }

    private static long longOr(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Long.MIN_VALUE : v;
    }

    /** The infeasible count and, for one objective, the first and best feasible trials; for several, the front. */
    private static void complete(Connection c, StudyRecord study) throws SQLException {
        boolean single = study.directions().size() == 1;
        Direction direction = study.directions().get(0);
        int infeasible = 0;
        long[] first = null;
        long[] best = null;
        double bestValue = 0;
        boolean firstNan = false;
        try (PreparedStatement ps = c.prepareStatement(COMPLETE)) {
            ps.setString(1, Constraints.USER_ATTR);
            ps.setLong(2, study.id());
            ps.setFetchSize(1_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String constraints = rs.getString(5);
                    if (constraints != null && !Constraints.attributeHolds(JsonCodec.read(constraints))) {
                        infeasible++;
                        continue;
                    }
                    boolean oneValue = rs.getObject(6) != null && rs.getObject(7) == null;
                    if (!single || !oneValue) {
                        continue;
                    }
                    double value = SqlDoubles.read(rs, 3, 4);
                    long[] trial = {rs.getLong(1), rs.getInt(2)};
                    if (first == null) {
                        first = trial;
                        firstNan = Double.isNaN(value);
                    }
                    if (!Double.isNaN(value) && (best == null || direction.better(value, bestValue))) {
                        best = trial;
                        bestValue = value;
                    }
                }
            }
        }
        write(c, study.id(), infeasible, first, firstNan, best, bestValue);
        if (!single) {
            front(c, study);
        }
    }

    private static void write(Connection c, long studyId, int infeasible, long[] first, boolean firstNan, long[] best,
                              double bestValue) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE study_aggregates SET infeasible_count = ?, first_id = ?,"
                + " first_number = ?, first_nan = ?, best_id = ?, best_number = ?, best_value = ?, best_marker = ?"
                + " WHERE study_id = ?")) {
            ps.setInt(1, infeasible);
            ps.setObject(2, first == null ? null : first[0], java.sql.Types.BIGINT);
            ps.setObject(3, first == null ? null : (int) first[1], java.sql.Types.INTEGER);
            ps.setBoolean(4, firstNan);
            ps.setObject(5, best == null ? null : best[0], java.sql.Types.BIGINT);
            ps.setObject(6, best == null ? null : (int) best[1], java.sql.Types.INTEGER);
            if (best == null) {
                ps.setNull(7, java.sql.Types.DOUBLE);
                ps.setNull(8, java.sql.Types.VARCHAR);
            } else {
                SqlDoubles.bind(ps, 7, 8, bestValue);
            }
            ps.setLong(9, studyId);
            ps.executeUpdate();
        }
    }

    /** The front as {@link StudyAggregates} finds it, or stale when a COMPLETE trial has a NaN value. */
    private static void front(Connection c, StudyRecord study) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM trials t JOIN trial_values v"
                + " ON v.trial_id = t.trial_id WHERE t.study_id = ? AND t.trial_state = 'COMPLETE' AND v.value_marker = 'NaN'")) {
            ps.setLong(1, study.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    AggregateRows.markStale(c, study.id());
                    return;
                }
            }
        }
        AggregateRows.insertFront(c, study.id(), new StudyAggregates().of(c, study).bestIds());
    }
}
