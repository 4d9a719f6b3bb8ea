package io.tunelab.tracker.jdbc;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one {@link Database} knows of its outages: how many transactions are waiting one out, when the database was last
 * reached again, and whether the current outage was reported (once, however many transactions wait it out, and its end
 * once). For a database joined through the share of the process that holds it, that process ending is a hand-over, not
 * an outage: it is reported at INFO as one. Thread-safe.
 */
final class OutageWatch {
    private final String url;
    private final Duration outageTolerance;
    /** Whether the database is joined through another process's share, whose end is a hand-over. */
    private final boolean joined;
    /** Transactions that failed for an outage and have not succeeded yet. */
    private final AtomicLong inOutage = new AtomicLong();
    /** Whether the current outage was reported (once, however many transactions wait it out). */
    private final AtomicBoolean outageReported = new AtomicBoolean();
    private volatile boolean everRecovered;
    private volatile long recoveredAt;

    /**
     * Watches the database at {@code url} (redacted), whose transactions wait an outage out for {@code outageTolerance};
     * {@code joined} when it is an embedded database joined through the share of the process that holds it.
     */
    OutageWatch(String url, Duration outageTolerance, boolean joined) {
        this.url = url;
        this.outageTolerance = outageTolerance;
        this.joined = joined;
    }

    /** A transaction failed for an outage for the first time: it waits it out until {@link #left}. */
    void entered() {
        inOutage.incrementAndGet();
    }

    /** Reports the outage, once, when attempt {@code attempt} of a transaction failed for it with {@code e}. */
    void failed(int attempt, SQLException e) {
        if (attempt == 1 && outageReported.compareAndSet(false, true)) {
            if (joined) {
                Database.Log.LOG.info("Database {}: the process that held it let it go ({}); handing it over, for up to {}",
                        url, Database.reason(e), Database.human(outageTolerance));
                return;
            }
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
                if (joined) {
                    Database.Log.LOG.info("Database {} handed over; going on", url);
                } else {
                    Database.Log.LOG.warn("Database {} is reachable again", url);
                }
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
