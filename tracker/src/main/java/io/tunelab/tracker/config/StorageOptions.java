package io.tunelab.tracker.config;

import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.provenance.RuntimeInfo;
import java.time.Clock;
import java.time.Duration;

/**
 * Tuning of a tracker's tracking store (the {@code TrialStorage} it hands out).
 *
 * @param clock               time source for trial times and heartbeats
 * @param heartbeatInterval   how often this process's running trials send a heartbeat, or null for none
 *                            (trials created without heartbeats are never reaped)
 * @param staleGrace          a RUNNING trial whose last heartbeat is older than this is failed as stale
 * @param workerId            recorded in each trial's provenance; null for this process's
 *                            {@link RuntimeInfo#defaultWorkerId()}, resolved when first asked for
 * @param metricBatchSize     points per metric-writer transaction at most
 * @param metricCapacity      points that may wait for the writer before {@code logMetrics} blocks
 * @param flushTimeout        how long {@code flush()} waits for an unreachable database
 * @param recordProvenance    whether finishing a trial records its provenance
 */
public record StorageOptions(Clock clock, Duration heartbeatInterval, Duration staleGrace, String workerId,
                             int metricBatchSize, long metricCapacity, Duration flushTimeout,
                             boolean recordProvenance) {
    public StorageOptions {
        if (heartbeatInterval != null && staleGrace.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw TrackerException.invalid("stale grace " + staleGrace + " must be at least twice the heartbeat interval "
                    + heartbeatInterval);
        }
    }

    /**
     * Heartbeats every 10 s, stale after 60 s, batches of 20,000 points, up to 2,000,000 points queued,
     * and a flush that waits out a database outage as long as a transaction does (2 minutes).
     */
    public static StorageOptions defaults() {
        return new StorageOptions(Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(60),
                null, 20_000, 2_000_000, DatabaseSettings.DEFAULT_OUTAGE_TOLERANCE, true);
    }

    /**
     * The worker id given, or this process's {@code host:pid} when none was: resolved here, not when the options are
     * made, because looking the host name up costs a command that only reads (and records no trial) about 15 ms.
     */
    @Override
    public String workerId() {
        return workerId != null ? workerId : RuntimeInfo.defaultWorkerId();
    }

    public StorageOptions withClock(Clock c) {
        return new StorageOptions(c, heartbeatInterval, staleGrace, workerId, metricBatchSize, metricCapacity,
                flushTimeout, recordProvenance);
    }

    /** Heartbeats every {@code interval}; trials silent for {@code grace} are stale. */
    public StorageOptions withHeartbeat(Duration interval, Duration grace) {
        return new StorageOptions(clock, interval, grace, workerId, metricBatchSize, metricCapacity, flushTimeout,
                recordProvenance);
    }

    public StorageOptions withoutHeartbeat() {
        return new StorageOptions(clock, null, staleGrace, workerId, metricBatchSize, metricCapacity, flushTimeout,
                recordProvenance);
    }

    public StorageOptions withWorkerId(String id) {
        return new StorageOptions(clock, heartbeatInterval, staleGrace, id, metricBatchSize, metricCapacity,
                flushTimeout, recordProvenance);
    }

    public StorageOptions withMetricBatch(int batchSize, long capacity) {
        return new StorageOptions(clock, heartbeatInterval, staleGrace, workerId, batchSize, capacity, flushTimeout,
                recordProvenance);
    }

    public StorageOptions withProvenance(boolean record) {
        return new StorageOptions(clock, heartbeatInterval, staleGrace, workerId, metricBatchSize, metricCapacity,
                flushTimeout, record);
    }
}
