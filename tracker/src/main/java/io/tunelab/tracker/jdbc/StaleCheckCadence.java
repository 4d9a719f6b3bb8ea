package io.tunelab.tracker.jdbc;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When a worker's storage fails stale trials; how is always the one path {@code reap} (the storage's
 * {@code reapStaleTrials}, i.e. {@link StaleTrialReaper}, idempotent across threads and processes):
 * <ul>
 *   <li>{@link #beforeAsk}: before a trial is claimed or started, at most once per heartbeat interval per study;</li>
 *   <li>{@link #afterBeat}: on every heartbeat round of a worker running trials, for the studies of those trials, so
 *       a trial whose worker died is failed within the stale grace plus one heartbeat interval while any other worker
 *       of its study runs a trial, not only when one asks for its next trial.</li>
 * </ul>
 * Neither reaps within a stale grace after a database outage: live workers' heartbeats could not be written
 * either. Thread-safe.
 */
final class StaleCheckCadence {
    /** The logger, made at its first message (see {@code Database}'s). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(StaleCheckCadence.class);
    }

    private final Duration interval;
    private final Duration grace;
    private final LongSupplier nanosSinceOutage;
    private final LongConsumer reap;
    private final Map<Long, Long> lastReap = new ConcurrentHashMap<>();
    private final Map<Long, Long> studyOfRunning = new ConcurrentHashMap<>();

    /**
     * @param interval         the heartbeat interval (not null)
     * @param grace            the stale grace
     * @param nanosSinceOutage nanoseconds since the database was last reached after an outage
     * @param reap             fails the stale trials of the study with this id
     */
    StaleCheckCadence(Duration interval, Duration grace, LongSupplier nanosSinceOutage, LongConsumer reap) {
        this.interval = interval;
        this.grace = grace;
        this.nanosSinceOutage = nanosSinceOutage;
        this.reap = reap;
    }

    /** A trial of the study started running in this process. */
    void started(long trialId, long studyId) {
        studyOfRunning.put(trialId, studyId);
    }

    /** A trial this process ran ended. */
    void ended(long trialId) {
        studyOfRunning.remove(trialId);
    }

    /** Reaps the study's stale trials unless that was done less than one heartbeat interval ago. */
    void beforeAsk(long studyId) {
        if (!afterOutage()) {
            long now = System.nanoTime();
            Long last = lastReap.get(studyId);
            if (last == null || now - last >= interval.toNanos()) {
                reapNow(studyId, now);
            }
        }
    }

    /** Reaps the stale trials of every study this process runs a trial of; a failure is logged, retried next round. */
    void afterBeat() {
        if (afterOutage()) {
            return;
        }
        for (long studyId : Set.copyOf(studyOfRunning.values())) {
            try {
                reapNow(studyId, System.nanoTime());
            } catch (RuntimeException e) {
                Log.LOG.warn("Failing the stale trials of study {} failed; retrying next heartbeat: {}", studyId,
                        e.getMessage());
            }
        }
    }

    private boolean afterOutage() {
        return nanosSinceOutage.getAsLong() < grace.toNanos();
    }

    private void reapNow(long studyId, long now) {
        lastReap.put(studyId, now);
        reap.accept(studyId);
    }
}
