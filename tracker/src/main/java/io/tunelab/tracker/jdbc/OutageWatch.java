package io.tunelab.tracker.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one {@link Database} knows of its outages: how many transactions are waiting one out, when the database was last
 * reached again, and whether the current outage was reported (once, however many transactions wait it out, and its end
 * once). Thread-safe.
 */
final class OutageWatch {
    private final String url;
    private final Duration outageTolerance;
    /** Transactions that failed for an outage and have not succeeded yet. */
    private final AtomicLong inOutage = new AtomicLong();
    /** Whether the current outage was reported (once, however many transactions wait it out). */
    private final AtomicBoolean outageReported = new AtomicBoolean();
    private volatile boolean everRecovered;
    private volatile long recoveredAt;

    /** Watches the database at {@code url} (redacted), whose transactions wait an outage out for {@code outageTolerance}. */
    OutageWatch(String url, Duration outageTolerance) {
        this.url = url;
        this.outageTolerance = outageTolerance;
    }

    /** A transaction failed for an outage for the first time: it waits it out until {@link #left}. */
    void entered() {
        inOutage.incrementAndGet();
    }

    /** Reports the outage, once, when attempt {@code attempt} of a transaction failed for it with {@code e}. */
    void failed(int attempt, SQLException e) {
        if (attempt == 1 && outageReported.compareAndSet(false, true)) {
            Database.Log.LOG.warn("Database {} unreachable ({}); retrying for up to {}", url, Database.reason(e),
                    Database.human(outageTolerance));
        }
    }

    /**
     * A transaction that {@linkplain #entered waited out an outage} ended; {@code reached} when it reached the database
     * again (succeeded, or failed for another reason than the outage), which ends the outage for this process.
     */
    void left(boolean reached) {
        if (reached) {
            recoveredAt = System.nanoTime();
            everRecovered = true;
            if (outageReported.compareAndSet(true, false)) {
                Database.Log.LOG.warn("Database {} is reachable again", url);
            }
        }
        inOutage.decrementAndGet();
    }

    /** See {@link Database#nanosSinceOutage}. */
    long nanosSinceOutage() {
        if (inOutage.get() > 0) {
            return 0;
        }
        return everRecovered ? System.nanoTime() - recoveredAt : Long.MAX_VALUE;
    }
}
