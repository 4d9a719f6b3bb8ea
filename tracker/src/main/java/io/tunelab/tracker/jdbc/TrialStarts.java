package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.tracker.config.StorageOptions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How {@link JdbcTrialStorage} starts trials: creates a RUNNING one, claims a WAITING one or starts one within a budget,
 * each in one transaction; with heartbeats, the trial records this worker's stale grace, and claiming first reaps the
 * study's stale trials (at most once per heartbeat interval, and not within a stale grace after a database outage:
 * {@link StaleCheckCadence}).
 * Thread-safe.
 */
final class TrialStarts {
    private final Database db;
    private final StorageOptions options;
    private final TrialLoader loader;
    private final TrialCommands commands;
    private final StaleTrialReaper reaper;
    /** When stale trials are failed before an ask; null without heartbeats. */
    private final StaleCheckCadence staleChecks;

    TrialStarts(Database db, StorageOptions options, TrialLoader loader, TrialCommands commands, StaleTrialReaper reaper,
                StaleCheckCadence staleChecks) {
        this.db = db;
        this.options = options;
        this.loader = loader;
        this.commands = commands;
        this.reaper = reaper;
        this.staleChecks = staleChecks;
    }

    private boolean heartbeats() {
        return options.heartbeatInterval() != null;
    }

    FrozenTrial createRunning(long studyId) {
        Instant now = options.clock().instant();
        return db.inTransaction(c -> withGrace(c, commands.createRunning(c, studyId, now, heartbeats() ? now : null)));
    }

    /** Reaps stale trials first, then claims the oldest WAITING trial. */
    Optional<FrozenTrial> claimWaiting(long studyId) {
        maybeReap(studyId);
        Instant now = options.clock().instant();
        return db.inTransaction(c -> withGrace(c, commands.claim(c, studyId, now, heartbeats() ? now : null)));
    }

    /** Reaps stale trials first, then starts a trial within the budget. */
    Optional<FrozenTrial> startWithinBudget(long studyId, int budget) {
        maybeReap(studyId);
        Instant now = options.clock().instant();
        return db.inTransaction(c -> withGrace(c, commands.startWithinBudget(c, studyId, budget, now,
                heartbeats() ? now : null)));
    }

    /**
     * Records this worker's stale grace on a trial it starts ({@link StaleTrialReaper#GRACE_ATTR}), so that
     * reapers with a shorter grace judge it by this one.
     */
    private FrozenTrial withGrace(Connection c, FrozenTrial t) throws SQLException {
        if (!heartbeats()) {
            return t;
        }
        TrialCommands.writeAttr(c, t.id(), 'S', StaleTrialReaper.GRACE_ATTR, options.staleGrace().toMillis());
        return loader.load(c, t.id());
    }

    private Optional<FrozenTrial> withGrace(Connection c, Optional<FrozenTrial> t) throws SQLException {
        return t.isEmpty() ? t : Optional.of(withGrace(c, t.get()));
    }

    private void maybeReap(long studyId) {
        if (staleChecks != null) {
            staleChecks.beforeAsk(studyId);
        }
    }

    /** Fails the study's stale RUNNING trials and re-enqueues them when its retry policy allows; the reaped trials. */
    List<FrozenTrial> reap(long studyId) {
        return reaper.reap(studyId, options.clock().instant(), options.staleGrace());
    }
}
