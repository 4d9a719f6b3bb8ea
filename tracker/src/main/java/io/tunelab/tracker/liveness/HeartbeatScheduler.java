package io.tunelab.tracker.liveness;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the heartbeats of this process's running trials: every {@code interval} it hands the set of
 * tracked trial ids to a {@link Sink} (one database transaction for all of them). A worker
 * {@link #track}s a trial when it starts and {@link #untrack}s it when it ends; when the process dies
 * the heartbeats stop and the trial becomes stale. Thread-safe; one daemon thread.
 */
public final class HeartbeatScheduler implements AutoCloseable {
    /** The logger, made at its first message (see {@code Database}'s). */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(HeartbeatScheduler.class);
    }

    /** Where heartbeats go, e.g. a storage's bulk heartbeat. */
    @FunctionalInterface
    public interface Sink {
        void beat(Set<Long> trialIds);
    }

    private final Set<Long> tracked = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    public HeartbeatScheduler(Sink sink, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tunelab-heartbeat");
            t.setDaemon(true);
            return t;
        });
        long millis = Math.max(1, interval.toMillis());
        timer.scheduleWithFixedDelay(() -> {
            if (tracked.isEmpty()) {
                return;
            }
            try {
                sink.beat(Set.copyOf(tracked));
            } catch (RuntimeException e) {
                Log.LOG.warn("Heartbeat of {} trials failed; retrying next interval: {}", tracked.size(), e.getMessage());
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Starts sending heartbeats for a running trial. */
    public void track(long trialId) {
        tracked.add(trialId);
    }

    /** Stops sending heartbeats for a trial (it ended). */
    public void untrack(long trialId) {
        tracked.remove(trialId);
    }

    /** Trials currently beating. */
    public Set<Long> tracked() {
        return Set.copyOf(tracked);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
