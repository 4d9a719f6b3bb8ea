package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StorageException;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseCredentials;
import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A migrated tracker database (over a pool, or plain sessions for a one-shot reader: see {@link Connections}) and
 * the way every store talks to it: short transactions that are retried when they fail for a transient reason
 * (lock time-out, deadlock, lost connection). Thread-safe; close it once, after the stores using it.
 *
 * <p>Failures: lock conflicts and deadlocks are retried up to {@value #MAX_ATTEMPTS} times with short
 * jittered back-off; an unreachable database (refused connections, a server restarting) is retried
 * with back-off of up to a second for as long as {@link DatabaseSettings#outageTolerance()}, so
 * workers ride out a database restart. Every transaction is retried as a whole, so work must not
 * have side effects outside its connection.
 *
 * <p>Durability: H2 writes ordinary commits to its file in the background (within its write delay,
 * 500 ms), so a {@code kill -9} loses the last ones. State changes that must survive use
 * {@link #inDurableTransaction}, which forces the commit (and all before it) to the file before
 * returning; parameters, heartbeats and metric batches stay cheap. ({@code WRITE_DELAY 0} would force
 * every commit and cost about three times the CPU per trial.)
 */
final class Database implements AutoCloseable, Transactions {
    private static final int MAX_ATTEMPTS = 12;
    /** H2's error code for a file database another process holds open. */
    static final int IN_USE = 90020;
    /**
     * How long a process waits for an embedded database that another process holds without sharing it ({@link LocalShare})
     * to be shared or released: long enough for a read command holding the file for a moment, a holder that ended, or one
     * that has just opened it, as many processes do when started at the same instant (its share follows within
     * milliseconds); whatever outage tolerance the open has, since the file answers at once when it is free.
     */
    static final Duration HAND_OVER = Duration.ofSeconds(15);

    /**
     * The logger, made at the first message: a read command that logs nothing then never starts the logging
     * back-end (a look for its provider in every jar, about 10 ms of {@code tunelab best}; issue 17). {@link
     * DatabaseOpener} and {@link OutageWatch} log through it too, so that every line about the database names it.
     */
    static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Database.class);
    }

    private final AtomicLong retries = new AtomicLong();
    private final Duration outageTolerance;
    private final OutageWatch outages;
    private final Connections connections;
    /** Ends the share this process serves its embedded database by ({@link LocalShare}), or null for none. */
    private volatile Runnable endSharing;
    /** Markers of the durable writes made through another process's share ({@link #markDurableWrites}), or null. */
    private volatile WriteMarkers markers;
    private final Dialect dialect;
    private final String url;
    /** Whether {@link #url} names a database server, whose shutdown clients see as failures to wait out. */
    private final boolean remote;

    /** A database over {@code connections} to {@code url}, a database server when {@code remote}; not migrated here. */
    Database(Connections connections, Dialect dialect, String url, boolean remote, Duration outageTolerance) {
        this.connections = connections;
        this.outageTolerance = outageTolerance;
        this.dialect = dialect;
        this.url = DatabaseSettings.redacted(url);
        this.remote = remote;
        this.outages = new OutageWatch(this.url, outageTolerance, remote && !DatabaseSettings.isServer(url));
    }

    /**
     * Has every durable write check, when its checkpoint fails, that its commit was not lost ({@link WriteMarkers}): for
     * a process that joined another's share, whose acknowledged commits can end with that process before reaching the file.
     */
    void markDurableWrites() {
        markers = new WriteMarkers();
    }

    /** Has {@link #close} run {@code end} first: it ends the share this process serves the database by, if any. */
    void endSharingWith(Runnable end) {
        endSharing = end;
    }

    /**
     * Opens (creating it if allowed by the URL) and migrates the database. A database that cannot be
     * reached (refused connections, a server restarting, a connection lost during the migration) is
     * tried again with back-off for up to {@link DatabaseSettings#outageTolerance()}, as transactions
     * are, so a worker that starts or joins during a database restart waits for it instead of exiting;
     * the first such failure is logged at once, so a mistyped address shows. The embedded database of a
     * directory that another process of this machine holds open (a study running in another terminal) is
     * joined through that process's {@link LocalShare} instead of failing as in use; this process serves
     * the embedded database it holds the same way, once it has migrated it. While
     * that file is held without a share (processes starting at the same instant, one taking the file over from a holder
     * that ended, a read command holding it read-only for a moment) the open waits, for up to {@link #HAND_OVER}; a file
     * held by a process that does not share it (a {@code tunelab server}, an older Tunelab, another H2 tool) then fails
     * as {@linkplain DatabaseOpener#heldWithoutShare held without a share}.
     */
    static Database open(DatabaseSettings settings) {
        return DatabaseOpener.open(settings);
    }

    /**
     * Opens the database for a process that only reads it, without a pool when it can: an embedded H2 file that exists
     * opens read-only over plain sessions ({@link DatabaseSettings#readOnly}, {@link SessionConnections}), so neither
     * reading nor closing writes to the file (no header rewrite, no compaction, no forced sync on close); a PostgreSQL
     * database is read over reused server sessions ({@link ReusedConnections}). Either is used only when its schema is
     * the newest. Every other database, and one that cannot be opened that way (unreachable, in use, older schema),
     * opens as {@link #open} does, which reports the failure, rides out an outage or migrates. Writing through the
     * read-only H2 database fails.
     */
    static Database openForReading(DatabaseSettings settings) {
        return DatabaseOpener.openForReading(settings);
    }

    /**
     * What failed when opening the database of {@code settings}: for a refused user or password (SQLState class 28), who
     * was refused and how to give credentials; otherwise as {@link #describeOpenFailure(String, Exception)}.
     */
    static String describeOpenFailure(DatabaseSettings settings, Exception e) {
        if (!refusedLogin(e)) {
            return describeOpenFailure(settings.jdbcUrl(), e);
        }
        return "cannot open the tracker database " + DatabaseSettings.redacted(settings.jdbcUrl()) + ": it refused the user '"
                + settings.user() + "'" + (settings.userSource().isEmpty() ? "" : " (" + settings.userSource() + ")")
                + " (wrong user name or password); " + DatabaseCredentials.HOW_TO_GIVE;
    }

    /** Whether {@code e} was caused by the database refusing the user or password (SQLState class 28). */
    static boolean refusedLogin(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    /** What failed when opening the database at {@code url}. */
    static String describeOpenFailure(String url, Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return "cannot open the tracker database " + DatabaseSettings.redacted(url) + ": " + text;
    }

    Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL this database was opened with. */
    String url() {
        return url;
    }

    /** Transactions retried after transient failures since the database was opened (a contention gauge). */
    long retries() {
        return retries.get();
    }

    /** The connections as a plain data source, for tools (Flyway, benchmarks). */
    DataSource dataSource() {
        return connections.dataSource();
    }

    /**
     * Runs {@code work} in one transaction and commits it; rolls back and retries (with jittered
     * back-off) when it fails transiently. A {@link StorageException} thrown by the work rolls back
     * and propagates unchanged; other SQL failures become UNAVAILABLE, constraint violations CONFLICT.
     */
    @Override
    public <T> T inTransaction(SqlWork<T> work) {
        return run(work, false);
    }

    /**
     * Like {@link #inTransaction}, and the commit is on disk when this returns, together with every
     * commit before it: on H2 a {@code CHECKPOINT} follows the commit. For state changes that must
     * survive a {@code kill -9} (a finished trial, a study, an alias move). When the checkpoint fails after
     * the commit, the checkpoint alone is retried; but through another process's share ({@link #markDurableWrites}),
     * whose holder may end between the two, the work runs again when its commit is not on the next holder of the file
     * (its {@link WriteMarkers marker} is missing there): like every transaction it must be a function of its connection.
     */
    <T> T inDurableTransaction(SqlWork<T> work) {
        return run(work, true);
    }

    /** {@link #inTransaction} for work that returns nothing. */
    void update(SqlAction action) {
        run(c -> {
            action.run(c);
            return null;
        }, false);
    }

    /** {@link #inDurableTransaction} for work that returns nothing. */
    void durableUpdate(SqlAction action) {
        run(c -> {
            action.run(c);
            return null;
        }, true);
    }

    private <T> T run(SqlWork<T> work, boolean durable) {
        long began = System.nanoTime();
        int contention = 0;
        boolean waitingOutOutage = false;
        boolean reached = false;
        // Once committed, the work is done: a failed makeDurable is retried alone, never the work (which would then
        // run twice). Through a share (markers), a commit the holder acknowledged can still be lost with it before the
        // checkpoint; once a commit was sent, each retry looks its marker up to know whether the work must run again.
        WriteMarkers marks = durable ? markers : null;
        String marker = marks == null ? null : marks.next();
        boolean committed = false;
        boolean sent = false;
        T result = null;
        try {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = connections.get()) {
                    try {
                        if (sent) {
                            committed = marks.holds(c, marker);
                        }
                        if (!committed) {
                            result = work.run(c);
                            if (marks != null) {
                                marks.write(c, marker);
                                sent = true;
                            }
                            c.commit();
                            committed = true;
                        }
                        if (durable) {
                            dialect.makeDurable(c);
                        }
                        if (marks != null) {
                            marks.forget(c, marker);
                        }
                        reached = true;
                        return result;
                    } catch (SQLException | RuntimeException e) {
                        rollbackQuietly(c);
                        throw e;
                    }
                } catch (SQLException e) {
                    Dialect.Failure failure = dialect.classify(e, remote);
                    if (failure == Dialect.Failure.PERMANENT || connections.isClosed()) {
                        reached = true;
                        throw translate(e);
                    }
                    if (failure == Dialect.Failure.OUTAGE) {
                        if (!waitingOutOutage) {
                            waitingOutOutage = true;
                            outages.entered();
                        }
                        if (System.nanoTime() - began >= outageTolerance.toNanos()) {
                            throw TrackerException.unavailable("database " + url + " unreachable for "
                                    + human(outageTolerance) + " (" + reason(e) + ")", e);
                        }
                        outages.failed(attempt, e);
                    } else if (++contention >= MAX_ATTEMPTS) {
                        reached = true;
                        throw TrackerException.unavailable("database " + url + " kept failing after " + MAX_ATTEMPTS
                                + " attempts: " + e.getMessage(), e);
                    }
                    retries.incrementAndGet();
                    Log.LOG.debug("Retrying a transaction (attempt {}) after: {}", attempt, e.getMessage());
                    backOff(failure == Dialect.Failure.OUTAGE ? Math.min(attempt, 6) + 2 : contention);
                } catch (RuntimeException e) {
                    reached = true;
                    throw e;
                }
            }
        } finally {
            if (waitingOutOutage) {
                outages.left(reached);
            }
        }
    }

    /**
     * Why the database could not be reached, in a few words: the innermost cause's message (e.g. "Connection refused")
     * without the connection pool's counters; the whole chain shows with --debug.
     */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        text = text.replaceAll("\\s*\\((total|active|idle|waiting)=[^)]*\\)", "").replaceAll("^HikariPool-\\d+ - ", "");
        return text.toLowerCase(java.util.Locale.ROOT).contains("connection refused") ? "connection refused" : text.strip();
    }

    /** A duration as people write it: "2 min", "45 s", "1 h 30 min". */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 60 || s % 60 != 0) {
            return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
        }
        long m = s / 60;
        return m < 60 || m % 60 != 0 ? (m < 60 ? m + " min" : (m / 60) + " h " + (m % 60) + " min") : (m / 60) + " h";
    }

    /**
     * Nanoseconds since this process last reached the database again after it had been unreachable:
     * 0 while a transaction is still waiting out an outage, {@link Long#MAX_VALUE} if there never was
     * one. While the database is down no worker can send heartbeats, and after it is back each worker's
     * pool reconnects in its own time (up to a few seconds), so stale-trial detection waits for a
     * grace period after an outage.
     */
    long nanosSinceOutage() {
        return outages.nanosSinceOutage();
    }

    /** How long one transaction keeps retrying while the database is unreachable ({@link DatabaseSettings#outageTolerance()}). */
    Duration outageTolerance() {
        return outageTolerance;
    }

    /** Like {@link #inTransaction} for work that only reads; it ends with a rollback. */
    <T> T read(SqlWork<T> work) {
        return inTransaction(c -> {
            T result = work.run(c);
            c.rollback();
            return result;
        });
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // The connection is broken; the pool discards it.
        }
    }

    /** Sleeps a jittered pause that grows with {@code attempt}, up to a second. */
    static void backOff(int attempt) {
        long cap = Math.min(1_000, 5L << Math.min(attempt, 8));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, cap + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TrackerException.unavailable("interrupted while waiting to retry a database transaction", e);
        }
    }

    private TrackerException translate(SQLException e) {
        if (Dialect.isConstraintViolation(e)) {
            return TrackerException.conflict("database constraint violated: " + e.getMessage());
        }
        return TrackerException.unavailable("database " + url + " failed: " + e.getMessage(), e);
    }

    /** Closes the connections; an embedded H2 database closes with its last one. */
    @Override
    public void close() {
        Runnable end = endSharing;
        if (end != null) {
            end.run();
        }
        connections.close();
    }
}
