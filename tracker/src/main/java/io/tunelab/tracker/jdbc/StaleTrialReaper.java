package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.liveness.RetryPolicy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fails RUNNING trials whose heartbeat is older than the grace period, with the message
 * {@value #REASON} and the system attribute {@code fail_kind=stale} (an objective failure has
 * neither), and — when the study's {@link RetryPolicy} allows — enqueues their parameters as a new
 * WAITING trial with {@code retry_of} and {@code retry_count}; the failed trial records
 * {@code retried_by} and {@code superseded=true} (so study budgets count the retry, not it). A stale
 * trial the policy does not retry keeps its FAIL, its message ending with why
 * ({@link RetryPolicy#exhausted}). Each
 * trial is reaped in one transaction that re-checks the heartbeat, so concurrent reapers in several
 * processes reap it once. A trial is judged by the heartbeat settings of the worker running it: the grace
 * it recorded when it started ({@value #GRACE_ATTR}) when longer than the reaper's own, so a worker with a
 * short grace never reaps the healthy trials of workers that beat less often.
 */
final class StaleTrialReaper {
    static final String REASON = "stale: worker stopped responding";
    /** Trial system attribute: the stale grace (milliseconds) of the worker running it, recorded when it starts. */
    static final String GRACE_ATTR = "heartbeat_grace_ms";

    private final Database db;
    private final TrialLoader loader;
    private final TrialCommands commands;

    StaleTrialReaper(Database db, TrialLoader loader, TrialCommands commands) {
        this.db = db;
        this.loader = loader;
        this.commands = commands;
    }

    /** Reaps the study's stale trials; returns their FAIL snapshots. */
    List<FrozenTrial> reap(long studyId, Instant now, Duration grace) {
        long cutoff = Times.toNanos(now.minus(grace));
        List<TrialHead> stale = db.read(c -> loader.heads(c, "study_id = ? AND trial_state = 'RUNNING'"
                + " AND heartbeat_ns IS NOT NULL AND heartbeat_ns < ?", ps -> {
                    ps.setLong(1, studyId);
                    ps.setLong(2, cutoff);
                }));
        List<FrozenTrial> reaped = new ArrayList<>();
        for (TrialHead h : stale) {
            FrozenTrial t = db.inDurableTransaction(c -> reapOne(c, h, now, cutoff));
            if (t != null) {
                reaped.add(t);
            }
        }
        return reaped;
    }

    private FrozenTrial reapOne(Connection c, TrialHead h, Instant now, long reaperCutoff) throws SQLException {
        long seq = StudyTable.advance(c, h.studyId(), false)[1];
        FrozenTrial before = loader.load(c, h.id());
        long cutoff = reaperCutoff;
        if (before.systemAttrs().get(GRACE_ATTR) instanceof Number own) {
            // the running worker's grace when longer than this reaper's: its heartbeats may be that far apart
            cutoff = Math.min(cutoff, Times.toNanos(now.minusMillis(own.longValue())));
        }
        int retries = before.systemAttrs().get("retry_count") instanceof Number n ? n.intValue() : 0;
        RetryPolicy policy = policy(c, h.studyId());
        boolean retry = policy.allows(retries);
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET trial_state = 'FAIL', end_ns = ?,"
                + " message = ?, change_seq = ? WHERE trial_id = ? AND trial_state = 'RUNNING' AND heartbeat_ns < ?")) {
            ps.setLong(1, Times.toNanos(now));
            ps.setString(2, retry ? REASON : REASON + "; " + policy.exhausted(retries));
            ps.setLong(3, seq);
            ps.setLong(4, h.id());
            ps.setLong(5, cutoff);
            if (ps.executeUpdate() == 0) {
                return null;
            }
        }
        AggregateRows.moved(c, h.studyId(), TrialState.RUNNING, TrialState.FAIL, Times.toNanos(now));
        TrialCommands.writeAttr(c, h.id(), 'S', "fail_kind", "stale");
        if (retry) {
            enqueueRetry(c, h.studyId(), before, retries);
        }
        return loader.load(c, h.id());
    }

    /**
     * Treats a trial just ended in transaction {@code c} as FAIL "interrupted" (its process was stopped by
     * Ctrl-C or a termination signal) as a stale one: {@code fail_kind=interrupted} and, when the study's
     * {@link RetryPolicy} allows, a WAITING retry with its parameters, the trial marked {@code superseded};
     * otherwise its message ends with why it is not retried.
     *
     * @return whether a retry was enqueued
     */
    boolean interrupted(Connection c, long trialId) throws SQLException {
        TrialHead head = loader.findHead(c, trialId).orElseThrow();
        FrozenTrial before = loader.load(c, trialId);
        int retries = before.systemAttrs().get("retry_count") instanceof Number n ? n.intValue() : 0;
        RetryPolicy policy = policy(c, head.studyId());
        TrialCommands.writeAttr(c, trialId, 'S', "fail_kind", "interrupted");
        if (policy.allows(retries)) {
            enqueueRetry(c, head.studyId(), before, retries);
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE trials SET message = ? WHERE trial_id = ?")) {
            ps.setString(1, before.message() + "; " + policy.exhausted(retries));
            ps.setLong(2, trialId);
            ps.executeUpdate();
        }
        return false;
    }

    private void enqueueRetry(Connection c, long studyId, FrozenTrial failed, int retries) throws SQLException {
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put(TrialStorage.RETRY_OF, failed.number());
        attrs.put("retry_count", retries + 1);
        FrozenTrial next = commands.createWaiting(c, studyId, failed.params(), attrs, Map.of());
        TrialCommands.writeAttr(c, failed.id(), 'S', TrialStorage.RETRIED_BY, next.number());
        TrialCommands.writeAttr(c, failed.id(), 'S', TrialStorage.SUPERSEDED, true);
    }

    private static RetryPolicy policy(Connection c, long studyId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT attr_json FROM study_attrs WHERE study_id = ? AND attr_name = ?")) {
            ps.setLong(1, studyId);
            ps.setString(2, RetryPolicy.ATTR);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? RetryPolicy.fromAttr(JsonCodec.read(rs.getString(1))) : RetryPolicy.none();
            } catch (StorageException malformed) {
                // A malformed policy must not keep a dead trial RUNNING forever: fail it, retry nothing.
                return RetryPolicy.none();
            }
        }
    }
}
