package io.tunelab.tracker.jdbc;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The result of a trial that arrives after the trial was failed as stale ({@link StaleTrialReaper}): its worker kept
 * the result while it could not reach the database, and meanwhile another process saw no heartbeat, failed the trial
 * and enqueued its retry. A finished trial never changes (every process caches it), so the result is recorded on the
 * retry instead, as long as no worker has started that retry: in one transaction under the study row (where claims
 * happen too, so no two workers get it) the WAITING retry takes the reaped trial's parameters, intermediate values,
 * attributes and start time, the system attribute {@value TrialStorage#RESULT_OF} naming the reaped trial, and the
 * outcome. The study then has the result once and counts one trial for it, as if nothing had been reaped. The metric
 * series (with their points), summaries and artifact records that produced the result move to the retry in the same
 * transaction, as an MLflow run keeps the metrics and artifacts of its result (the artifact files stay where they were
 * stored, which the moved records name); the reaped trial keeps its reaping and is named by the retry's
 * {@value TrialStorage#RESULT_OF}. A retry that was itself reaped
 * passes the result on to its own retry. Once a worker has claimed the retry the result is not recorded: that worker
 * is computing it again. Stateless apart from its collaborators; thread-safe.
 */
final class LateResults {
    /** How many retries of retries are followed at most; {@code max_retries} is far smaller in practice. */
    private static final int MAX_CHAIN = 1000;
    /** System attributes of the reaped trial that describe its reaping, not its result: the retry keeps its own. */
    private static final Set<String> REAPING = Set.of("fail_kind", TrialStorage.RETRIED_BY, TrialStorage.SUPERSEDED);

    private final TrialLoader loader;
    private final TrialCommands commands;

    LateResults(TrialLoader loader, TrialCommands commands) {
        this.loader = loader;
        this.commands = commands;
    }

    /**
     * In transaction {@code c}, records the outcome of trial {@code trialId} on its WAITING retry when the trial was
     * failed and retried meanwhile.
     *
     * @return the id of the retry that now holds the outcome; empty when the trial is not a retried FAIL or its retry
     *         has started (then the caller finishes the trial itself, which reports what it finds)
     */
    Optional<Long> recordOnRetry(Connection c, long trialId, TrialState state, List<Double> values, String message,
                                 Instant now) throws SQLException {
        Optional<TrialHead> head = loader.findHead(c, trialId);
        if (head.isEmpty() || head.get().state() != TrialState.FAIL) {
            return Optional.empty();
        }
        long studyId = head.get().studyId();
        FrozenTrial reaped = loader.load(c, trialId);
        FrozenTrial retry = reaped;
        for (int i = 0; i < MAX_CHAIN && retry.state() == TrialState.FAIL
                && retry.systemAttrs().get(TrialStorage.RETRIED_BY) instanceof Number by; i++) {
            retry = byNumber(c, studyId, by.intValue());
        }
        if (retry.state() != TrialState.WAITING) {
            return Optional.empty();
        }
        // the study row, as every claim takes it first: the retry is still WAITING here only if no worker claimed it
        long seq = StudyTable.advance(c, studyId, false)[1];
        if (!TrialCommands.claimWaiting(c, studyId, retry.id(), seq, reaped.start(), null)) {
            return Optional.empty();
        }
        copyResult(c, reaped, retry);
        moveRecords(c, reaped.id(), retry.id());
        commands.finish(c, retry.id(), state, values, message, null, now);
        return Optional.of(retry.id());
    }

    private FrozenTrial byNumber(Connection c, long studyId, int number) throws SQLException {
        List<TrialHead> heads = loader.heads(c, "study_id = ? AND trial_number = ?", ps -> {
            ps.setLong(1, studyId);
            ps.setInt(2, number);
        });
        return loader.loadAll(c, studyId, heads).get(0);
    }

    /**
     * Moves the metric series, summaries and artifact records of trial {@code from} to trial {@code to}; a series or
     * artifact whose name {@code to} already has stays (a WAITING retry has none).
     */
    private static void moveRecords(Connection c, long from, long to) throws SQLException {
        move(c, "metric_series", "metric_name", from, to);
        move(c, "trial_artifacts", "artifact_name", from, to);
        move(c, "trial_summaries", null, from, to);
    }

    /** Moves the rows of {@code table} from trial {@code from} to {@code to}, but those whose {@code uniqueName} it has. */
    private static void move(Connection c, String table, String uniqueName, long from, long to) throws SQLException {
        String sql = "UPDATE " + table + " SET trial_id = ? WHERE trial_id = ?" + (uniqueName == null ? ""
                : " AND " + uniqueName + " NOT IN (SELECT " + uniqueName + " FROM " + table + " WHERE trial_id = ?)");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, to);
            ps.setLong(2, from);
            if (uniqueName != null) {
                ps.setLong(3, to);
            }
            ps.executeUpdate();
        }
    }

    /** Gives the started {@code retry} what {@code reaped} had recorded besides its reaping. */
    private void copyResult(Connection c, FrozenTrial reaped, FrozenTrial retry) throws SQLException {
        for (Map.Entry<String, Object> p : reaped.params().entrySet()) {
            Distribution d = reaped.distributions().get(p.getKey());
            commands.setParam(c, retry.id(), p.getKey(), d.toInternalOutOfRange(p.getValue()), d);
        }
        for (Map.Entry<Integer, Double> v : reaped.intermediateValues().entrySet()) {
            commands.setIntermediate(c, retry.id(), v.getKey(), v.getValue());
        }
        for (Map.Entry<String, Object> a : reaped.userAttrs().entrySet()) {
            TrialCommands.writeAttr(c, retry.id(), 'U', a.getKey(), a.getValue());
        }
        for (Map.Entry<String, Object> a : reaped.systemAttrs().entrySet()) {
            if (!REAPING.contains(a.getKey()) && !retry.systemAttrs().containsKey(a.getKey())) {
                TrialCommands.writeAttr(c, retry.id(), 'S', a.getKey(), a.getValue());
            }
        }
        TrialCommands.writeAttr(c, retry.id(), 'S', TrialStorage.RESULT_OF, reaped.number());
    }
}
