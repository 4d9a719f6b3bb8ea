package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.liveness.HeartbeatScheduler;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The trials {@link JdbcTrialStorage} started in this process and that have not ended: they send heartbeats while
 * they run (when the options give an interval), and the storage fails those still unfinished when the process
 * exits. Thread-safe.
 */
final class LiveTrials {
    private final Database db;
    private final StorageOptions options;
    private final TrialCommands commands;
    private final HeartbeatScheduler heartbeats;
    private final Set<Long> unfinished = ConcurrentHashMap.newKeySet();
    /** Fails the stale trials of the running trials' studies after each heartbeat round; null without heartbeats. */
    private final StaleCheckCadence staleChecks;

    LiveTrials(Database db, StorageOptions options, TrialCommands commands, StaleCheckCadence staleChecks) {
        this.db = db;
        this.options = options;
        this.commands = commands;
        this.staleChecks = staleChecks;
        this.heartbeats = options.heartbeatInterval() == null ? null
                : new HeartbeatScheduler(this::beatAndCheck, options.heartbeatInterval());
    }

    void started(long trialId, long studyId) {
        unfinished.add(trialId);
        if (heartbeats != null) {
            staleChecks.started(trialId, studyId);
            heartbeats.track(trialId);
        }
    }

    void ended(long trialId) {
        if (heartbeats != null) {
            heartbeats.untrack(trialId);
            staleChecks.ended(trialId);
        }
        unfinished.remove(trialId);
    }

    /** A heartbeat round: beats this process's running trials, then fails the stale trials of their studies. */
    private void beatAndCheck(Set<Long> trialIds) {
        heartbeatAll(trialIds);
        staleChecks.afterBeat();
    }

    /** The trials started here that have not ended, at this moment. */
    List<Long> unfinished() {
        return List.copyOf(unfinished);
    }

    /** Records that the trial's worker is alive. */
    void heartbeat(long trialId) {
        Instant now = options.clock().instant();
        db.update(c -> commands.heartbeat(c, trialId, now));
    }

    /**
     * Heartbeats of several trials in one transaction, in id order (so two such transactions never
     * wait on each other in a cycle); unknown or finished trials are skipped.
     */
    void heartbeatAll(Set<Long> trialIds) {
        Instant now = options.clock().instant();
        List<Long> ordered = trialIds.stream().sorted().toList();
        db.update(c -> {
            for (long id : ordered) {
                try {
                    commands.heartbeat(c, id, now);
                } catch (TrackerException gone) {
                    // The trial was deleted or never existed; nothing to keep alive.
                }
            }
        });
    }

    /** Stops sending heartbeats. */
    void stopHeartbeats() {
        if (heartbeats != null) {
            heartbeats.close();
        }
    }
}
