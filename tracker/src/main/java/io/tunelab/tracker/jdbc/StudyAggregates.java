package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.ParetoSet;
import io.tunelab.tracker.query.StudySummary;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A study's summary computed by the database, without loading its trials: counts by state and the
 * latest start and end from one grouped query on the {@code trials_by_state} index; the COMPLETE trials
 * that violate a constraint from their {@code constraints} attribute rows; the best single-objective
 * trial from the values ordered by the database (read until the first feasible one, plus the few
 * non-finite values); for several objectives the Pareto front over primitive arrays of the COMPLETE
 * trials' values. The verdicts equal {@link StudySummary#of} over the same trials. Summaries read the
 * aggregates maintained by {@link AggregateRows} instead; this computes a stale multi-objective front (a
 * NaN value) and the backfill's fronts, and is what the maintained aggregates are tested against.
 * Stateless; every method runs on the caller's transaction.
 */
final class StudyAggregates {
    private static final String COMPLETE_VALUES = "SELECT t.trial_id, t.trial_number, v.objective_value, v.value_marker"
            + " FROM trials t JOIN trial_values v ON v.trial_id = t.trial_id AND v.objective_index = 0"
            + " WHERE t.study_id = ? AND t.trial_state = 'COMPLETE'";

    /** What a summary takes from the trials; {@code bestIds} holds the best trial or the Pareto front. */
    record Aggregate(Map<TrialState, Integer> counts, long lastNs, List<Double> bestValues, int bestNumber,
                     List<Long> bestIds, int infeasible) {

        StudySummary summary(StudyRecord study) {
            int pareto = study.directions().size() > 1 ? bestIds.size() : bestNumber < 0 ? 0 : 1;
            return StudySummary.of(study, counts, lastNs == Long.MIN_VALUE ? null : Times.fromNanos(lastNs), bestValues,
                    bestNumber, pareto, infeasible);
        }
    }

    private record Candidate(long id, int number, double value) {
    }

    /** The aggregate of {@code study}'s trials. */
    Aggregate of(Connection c, StudyRecord study) throws SQLException {
        Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
        long last = Long.MIN_VALUE;
        try (PreparedStatement ps = c.prepareStatement("SELECT trial_state, COUNT(*), MAX(start_ns), MAX(end_ns)"
                + " FROM trials WHERE study_id = ? GROUP BY trial_state")) {
            ps.setLong(1, study.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(TrialState.valueOf(rs.getString(1)), rs.getInt(2));
                    last = Math.max(last, Math.max(longOr(rs, 3), longOr(rs, 4)));
                }
            }
        }
        Set<Long> infeasible = infeasible(c, study.id());
        List<Direction> directions = study.directions();
        if (directions.size() > 1) {
            return new Aggregate(counts, last, List.of(), -1, front(c, study.id(), directions, infeasible), infeasible.size());
        }
        Candidate best = best(c, study.id(), directions.get(0), infeasible);
        return best == null ? new Aggregate(counts, last, List.of(), -1, List.of(), infeasible.size())
                : new Aggregate(counts, last, List.of(best.value()), best.number(), List.of(best.id()), infeasible.size());
    }

    /** COMPLETE trials whose {@code constraints} attribute does not hold. */
    private static Set<Long> infeasible(Connection c, long studyId) throws SQLException {
        Set<Long> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT a.trial_id, a.attr_json FROM trials t"
                + " JOIN trial_attrs a ON a.trial_id = t.trial_id AND a.attr_scope = 'U' AND a.attr_name = ?"
                + " WHERE t.study_id = ? AND t.trial_state = 'COMPLETE'")) {
            ps.setString(1, Constraints.USER_ATTR);
            ps.setLong(2, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!Constraints.attributeHolds(JsonCodec.read(rs.getString(2)))) {
                        out.add(rs.getLong(1));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The first feasible trial by number with the best value, as {@code Constraints.bestFeasible} folds them:
     * that fold over all trials equals the fold over the first feasible trial, the best finite one and
     * the non-finite ones, taken by number.
     */
    private static Candidate best(Connection c, long studyId, Direction direction, Set<Long> infeasible) throws SQLException {
        List<Candidate> subset = new ArrayList<>();
        firstFeasible(c, COMPLETE_VALUES + " ORDER BY t.trial_number", studyId, infeasible, subset);
        firstFeasible(c, COMPLETE_VALUES + " AND v.objective_value IS NOT NULL ORDER BY v.objective_value "
                + (direction == Direction.MINIMIZE ? "ASC" : "DESC") + ", t.trial_number", studyId, infeasible, subset);
        try (PreparedStatement ps = c.prepareStatement(COMPLETE_VALUES + " AND v.value_marker IN ('NaN', '+Inf', '-Inf')")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!infeasible.contains(rs.getLong(1))) {
                        subset.add(candidate(rs));
                    }
                }
            }
        }
        subset.sort(Comparator.comparingInt(Candidate::number));
        Candidate best = null;
        for (Candidate t : subset) {
            if (best == null || direction.better(t.value(), best.value())) {
                best = t;
            }
        }
        return best;
    }

    private static void firstFeasible(Connection c, String sql, long studyId, Set<Long> infeasible, List<Candidate> into)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, studyId);
            ps.setFetchSize(64);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!infeasible.contains(rs.getLong(1))) {
                        into.add(candidate(rs));
                        return;
                    }
                }
            }
        }
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getInt(2), SqlDoubles.read(rs, 3, 4));
    }

    /** Ids of the feasible COMPLETE trials with one value per objective that no other such trial dominates, by number. */
    private static List<Long> front(Connection c, long studyId, List<Direction> directions, Set<Long> infeasible)
            throws SQLException {
        Map<Long, double[]> losses = new LinkedHashMap<>();
        Map<Long, Integer> seen = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT t.trial_id, v.objective_index, v.objective_value, v.value_marker"
                + " FROM trials t JOIN trial_values v ON v.trial_id = t.trial_id"
                + " WHERE t.study_id = ? AND t.trial_state = 'COMPLETE' ORDER BY t.trial_number, v.objective_index")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    int index = rs.getInt(2);
                    seen.merge(id, 1, Integer::sum);
                    if (index < directions.size() && !infeasible.contains(id)) {
                        losses.computeIfAbsent(id, k -> new double[directions.size()])[index] =
                                directions.get(index).asLoss(SqlDoubles.read(rs, 3, 4));
                    }
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        losses.forEach((id, loss) -> {
            if (seen.get(id) == directions.size()) {
                ids.add(id);
                rows.add(loss);
            }
        });
        List<Long> out = new ArrayList<>();
        int[] front = ParetoSet.frontIndices(rows);
        java.util.Arrays.sort(front);
        for (int i : front) {
            out.add(ids.get(i));
        }
        return List.copyOf(out);
    }

    private static long longOr(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? Long.MIN_VALUE : v;
    }
}
