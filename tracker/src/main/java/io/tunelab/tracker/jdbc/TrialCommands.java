package io.tunelab.tracker.jdbc;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.DistributionJson;
import io.tunelab.search.storage.StorageNames;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TrackerException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The write side of trials: each method is the body of one short transaction on the caller's
 * connection. State changes (create, claim, finish) first lock the study row through
 * {@link StudyTable#advance}; other changes lock only the trial row, so lock order is always study
 * before trial. Stateless apart from its collaborators; thread-safe.
 *
 * <p>Why many workers never deadlock (on PostgreSQL as on H2): a state change holds the study row and
 * then at most one trial row; heartbeats lock only trial rows, in id order; parameter and attribute
 * writes lock one trial row. Claiming a WAITING trial happens under the study row lock, which the claim
 * needs anyway to advance the study's change counter, so claimers queue on that one row for a few
 * milliseconds and each waiting trial is handed out once; {@code SELECT … FOR UPDATE SKIP LOCKED}
 * would only help claimers that do not take the study lock. A lock time-out, deadlock or serialisation
 * failure that happens anyway is retried by {@link io.tunelab.tracker.jdbc.Database}.
 */
final class TrialCommands {
    static final int MAX_MESSAGE = 10_000;

    private final TrialLoader loader;

    TrialCommands(TrialLoader loader) {
        this.loader = loader;
    }

    /** A new RUNNING trial; {@code heartbeat} is its first heartbeat time, or null when heartbeats are off. */
    FrozenTrial createRunning(Connection c, long studyId, Instant now, Instant heartbeat) throws SQLException {
        long[] next = StudyTable.advance(c, studyId, true);
        long id = insertTrial(c, studyId, (int) next[0], TrialState.RUNNING, now, heartbeat, next[1]);
        return new FrozenTrial(id, (int) next[0], TrialState.RUNNING, List.of(), now, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(), null);
    }

    FrozenTrial createWaiting(Connection c, long studyId, Map<String, Object> fixedParams,
                              Map<String, Object> systemAttrs, Map<String, Object> userAttrs) throws SQLException {
        long[] next = StudyTable.advance(c, studyId, true);
        long id = insertTrial(c, studyId, (int) next[0], TrialState.WAITING, null, null, next[1]);
        Map<String, Object> attrs = new LinkedHashMap<>(systemAttrs);
        attrs.put(TrialStorage.FIXED_PARAMS, new LinkedHashMap<>(fixedParams));
        for (Map.Entry<String, Object> e : attrs.entrySet()) {
            writeAttr(c, id, 'S', e.getKey(), e.getValue());
        }
        for (Map.Entry<String, Object> e : userAttrs.entrySet()) {
            writeAttr(c, id, 'U', e.getKey(), e.getValue());
        }
        return loader.load(c, id);
    }

    private static long insertTrial(Connection c, long studyId, int number, TrialState state, Instant start,
                                    Instant heartbeat, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trials (study_id, trial_number, trial_state,"
                + " start_ns, heartbeat_ns, change_seq) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"trial_id"})) {
            ps.setLong(1, studyId);
            ps.setInt(2, number);
            ps.setString(3, state.name());
            Times.bind(ps, 4, start);
            Times.bind(ps, 5, heartbeat);
            ps.setLong(6, seq);
            ps.executeUpdate();
            long id;
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
            AggregateRows.moved(c, studyId, null, state, start == null ? Long.MIN_VALUE : Times.toNanos(start));
            return id;
        }
    }

    private static final String OLDEST_WAITING = "SELECT trial_id FROM trials WHERE study_id = ?"
            + " AND trial_state = 'WAITING' ORDER BY trial_number FETCH FIRST 1 ROWS ONLY";

    /** Moves the oldest WAITING trial to RUNNING; empty when none waits. */
    Optional<FrozenTrial> claim(Connection c, long studyId, Instant now, Instant heartbeat) throws SQLException {
        if (firstId(c, OLDEST_WAITING, studyId) == null) {
            return Optional.empty();
        }
        return claimLocked(c, studyId, StudyTable.advance(c, studyId, false)[1], now, heartbeat);
    }

    /**
     * Claims the oldest WAITING trial, else creates a RUNNING one while the study has fewer than
     * {@code budget} trials, not counting FAIL trials marked {@code superseded}. The study row stays
     * locked throughout, so racing workers in any process never exceed the budget.
     */
    Optional<FrozenTrial> startWithinBudget(Connection c, long studyId, int budget, Instant now, Instant heartbeat)
            throws SQLException {
        long seq = StudyTable.advance(c, studyId, false)[1];
        Optional<FrozenTrial> claimed = claimLocked(c, studyId, seq, now, heartbeat);
        if (claimed.isPresent()) {
            return claimed;
        }
        int counted;
        try (PreparedStatement ps = c.prepareStatement("SELECT s.next_number - (SELECT COUNT(*) FROM trials t"
                + " JOIN trial_attrs a ON a.trial_id = t.trial_id AND a.attr_scope = 'S' AND a.attr_name = ?"
                + " WHERE t.study_id = s.study_id AND t.trial_state = 'FAIL' AND a.attr_json = 'true')"
                + " FROM studies s WHERE s.study_id = ?")) {
            ps.setString(1, TrialStorage.SUPERSEDED);
            ps.setLong(2, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                counted = rs.getInt(1);
            }
        }
        return counted < budget ? Optional.of(createRunning(c, studyId, now, heartbeat)) : Optional.empty();
    }

    private Optional<FrozenTrial> claimLocked(Connection c, long studyId, long seq, Instant now, Instant heartbeat)
            throws SQLException {
        Long id = firstId(c, OLDEST_WAITING, studyId);
        if (id == null) {
            return Optional.empty();
        }
        if (!claimWaiting(c, studyId, id, seq, now, heartbeat)) {
            throw new SQLException("waiting trial " + id + " was claimed concurrently", "40001");
        }
        return Optional.of(loader.load(c, id));
    }

    /**
     * Starts the WAITING trial {@code trialId} at {@code start}; false when it is no longer WAITING. The caller holds the
     * study row ({@link StudyTable#advance}, which gave {@code seq}).
     */
    static boolean claimWaiting(Connection c, long studyId, long trialId, long seq, Instant start, Instant heartbeat)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET trial_state = 'RUNNING', start_ns = ?,"
                + " heartbeat_ns = ?, change_seq = ? WHERE trial_id = ? AND trial_state = 'WAITING'")) {
            Times.bind(ps, 1, start);
            Times.bind(ps, 2, heartbeat);
            ps.setLong(3, seq);
            ps.setLong(4, trialId);
            if (ps.executeUpdate() == 0) {
                return false;
            }
        }
        AggregateRows.moved(c, studyId, TrialState.WAITING, TrialState.RUNNING, Times.toNanos(start));
        return true;
    }

    private static Long firstId(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** WAITING trials plus RUNNING trials that send heartbeats. */
    int unsettled(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM trials WHERE study_id = ? AND"
                + " (trial_state = 'WAITING' OR (trial_state = 'RUNNING' AND heartbeat_ns IS NOT NULL))")) {
            ps.setLong(1, studyId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Locks an unfinished trial's row; NOT_FOUND or CONFLICT otherwise. Returns its number. */
    static int lockMutable(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT trial_number, trial_state FROM trials WHERE trial_id = ? FOR UPDATE")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw TrackerException.notFound("no trial with id " + trialId);
                }
                TrialState state = TrialState.valueOf(rs.getString(2));
                if (state.isFinished()) {
                    throw TrackerException.conflict("trial " + rs.getInt(1) + " is " + state
                            + " and can no longer be changed");
                }
                return rs.getInt(1);
            }
        }
    }

    void setParam(Connection c, long trialId, String name, double internal, Distribution distribution) throws SQLException {
        StorageNames.checkParameterName(name);
        int number = lockMutable(c, trialId);
        int count = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT param_name, internal_value, distribution_json FROM trial_params WHERE trial_id = ?")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    count++;
                    if (!rs.getString(1).equals(name)) {
                        continue;
                    }
                    Distribution existing = DistributionJson.fromJson(rs.getString(3));
                    double stored = rs.getDouble(2);
                    if (!existing.equals(distribution) || Double.compare(stored, internal) != 0) {
                        throw TrackerException.conflict("trial " + number + ": parameter '" + name + "' is already set to "
                                + existing.toExternal(stored) + " from " + existing.describe());
                    }
                    return;
                }
            }
        }
        String json = DistributionJson.toJson(distribution);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_params (trial_id, param_name, param_order,"
                + " internal_value, distribution_json) VALUES (?, ?, ?, ?, ?)")) {
            ps.setLong(1, trialId);
            ps.setString(2, name);
            ps.setInt(3, count);
            ps.setDouble(4, internal);
            ps.setString(5, json);
            ps.executeUpdate();
        }
        SpaceRows.seen(c, trialId, number, count, name, json);
    }

    void setIntermediate(Connection c, long trialId, int step, double value) throws SQLException {
        lockMutable(c, trialId);
        try (PreparedStatement up = c.prepareStatement(
                "UPDATE trial_intermediate SET inter_value = ?, value_marker = ? WHERE trial_id = ? AND step = ?")) {
            SqlDoubles.bind(up, 1, 2, value);
            up.setLong(3, trialId);
            up.setInt(4, step);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO trial_intermediate (trial_id, step, inter_value, value_marker) VALUES (?, ?, ?, ?)")) {
            in.setLong(1, trialId);
            in.setInt(2, step);
            SqlDoubles.bind(in, 3, 4, value);
            in.executeUpdate();
        }
    }

    /** Sets a user ({@code U}) or system ({@code S}) attribute of an unfinished trial. */
    void setAttr(Connection c, long trialId, char scope, String key, Object value) throws SQLException {
        StudyTable.checkAttrName(key);
        String json = JsonCodec.write("attribute '" + key + "'", value);
        lockMutable(c, trialId);
        writeJson(c, trialId, scope, key, json);
    }

    static void writeAttr(Connection c, long trialId, char scope, String key, Object value) throws SQLException {
        writeJson(c, trialId, scope, key, JsonCodec.write("attribute '" + key + "'", value));
    }

    /** Writes attribute {@code key}'s JSON text, written once by {@link JsonCodec#write}. */
    private static void writeJson(Connection c, long trialId, char scope, String key, String json) throws SQLException {
        try (PreparedStatement up = c.prepareStatement("UPDATE trial_attrs SET attr_json = ?"
                + " WHERE trial_id = ? AND attr_scope = ? AND attr_name = ?")) {
            up.setString(1, json);
            up.setLong(2, trialId);
            up.setString(3, String.valueOf(scope));
            up.setString(4, key);
            if (up.executeUpdate() > 0) {
                return;
            }
        }
        try (PreparedStatement in = c.prepareStatement(
                "INSERT INTO trial_attrs (trial_id, attr_scope, attr_name, attr_json) VALUES (?, ?, ?, ?)")) {
            in.setLong(1, trialId);
            in.setString(2, String.valueOf(scope));
            in.setString(3, key);
            in.setString(4, json);
            in.executeUpdate();
        }
    }

    /**
     * Finishes a RUNNING trial; false if it already finished the same way, CONFLICT if otherwise.
     * The caller has checked that {@code state} is a finished state. A non-null {@code start} replaces the trial's
     * start (an imported trial's, as its tool recorded it).
     */
    boolean finish(Connection c, long trialId, TrialState state, List<Double> values, String message, Instant start,
            Instant now) throws SQLException {
        TrialHead head = loader.findHead(c, trialId)
                .orElseThrow(() -> TrackerException.notFound("no trial with id " + trialId));
        if (head.state().isFinished()) {
            return sameOutcome(c, head, state, values);
        }
        long seq = StudyTable.advance(c, head.studyId(), false)[1];
        TrialHead locked = lockHead(c, trialId);
        if (locked.state().isFinished()) {
            return sameOutcome(c, locked, state, values);
        }
        if (locked.state() != TrialState.RUNNING) {
            throw TrackerException.conflict("trial " + locked.number() + " is " + locked.state() + ", not RUNNING");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET trial_state = ?, end_ns = ?, message = ?,"
                + " change_seq = ?, start_ns = COALESCE(?, start_ns) WHERE trial_id = ?")) {
            ps.setString(1, state.name());
            Times.bind(ps, 2, now);
            if (message == null) {
                ps.setNull(3, Types.VARCHAR);
            } else {
                ps.setString(3, message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message);
            }
            ps.setLong(4, seq);
            Times.bind(ps, 5, start);
            ps.setLong(6, trialId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO trial_values (trial_id, objective_index,"
                + " objective_value, value_marker) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < values.size(); i++) {
                ps.setLong(1, trialId);
                ps.setInt(2, i);
                SqlDoubles.bind(ps, 3, 4, values.get(i));
                ps.addBatch();
            }
            if (!values.isEmpty()) {
                ps.executeBatch();
            }
        }
        AggregateRows.moved(c, head.studyId(), TrialState.RUNNING, state, Times.toNanos(now));
        if (state == TrialState.COMPLETE) {
            AggregateRows.completed(c, head.studyId(), trialId, locked.number(), values);
        }
        return true;
    }

    private TrialHead lockHead(Connection c, long trialId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + TrialLoader.HEAD_COLUMNS + " FROM trials WHERE trial_id = ? FOR UPDATE")) {
            ps.setLong(1, trialId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return TrialLoader.head(rs);
            }
        }
    }

    private boolean sameOutcome(Connection c, TrialHead head, TrialState state, List<Double> values) throws SQLException {
        List<Double> stored = loader.loadAll(c, head.studyId(), List.of(head)).get(0).values();
        // Double.equals compares bit patterns, so NaN matches NaN and -0.0 does not match 0.0.
        if (head.state() == state && stored.equals(values)) {
            return false;
        }
        throw TrackerException.conflict("trial " + head.number() + " already finished as " + head.state()
                + " with values " + stored + "; cannot finish it again as " + state + " with " + values);
    }

    /** Records a heartbeat of a RUNNING trial; a finished trial ignores it. NOT_FOUND for unknown ids. */
    void heartbeat(Connection c, long trialId, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE trials SET heartbeat_ns = ? WHERE trial_id = ? AND trial_state = 'RUNNING'")) {
            ps.setLong(1, Times.toNanos(now));
            ps.setLong(2, trialId);
            if (ps.executeUpdate() == 0 && loader.findHead(c, trialId).isEmpty()) {
                throw TrackerException.notFound("no trial with id " + trialId);
            }
        }
    }
}
