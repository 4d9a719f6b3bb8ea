package io.tunelab.tracker.jdbc;

import io.tunelab.search.storage.StorageException;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
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
     * back-end (a look for its provider in every jar, about 10 ms of {@code tunelab best}; issue 17).
     */
    private static final class Log {
        static final Logger LOG = LoggerFactory.getLogger(Database.class);
    }

    private final AtomicLong retries = new AtomicLong();
    private final Duration outageTolerance;
    /** Transactions that failed for an outage and have not succeeded yet. */
    private final AtomicLong inOutage = new AtomicLong();
    /** Whether the current outage was reported (once, however many transactions wait it out). */
    private final java.util.concurrent.atomic.AtomicBoolean outageReported = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile boolean everRecovered;
    private volatile long recoveredAt;
    private final Connections connections;
    /** Ends the share this process serves its embedded database by ({@link LocalShare}), or null for none. */
    private volatile Runnable endSharing;
    private final Dialect dialect;
    private final String url;
    /** Whether {@link #url} names a database server, whose shutdown clients see as failures to wait out. */
    private final boolean remote;

    private Database(Connections connections, Dialect dialect, String url, Duration outageTolerance) {
        this(connections, dialect, url, DatabaseSettings.isServer(url), outageTolerance);
    }

    private Database(Connections connections, Dialect dialect, String url, boolean remote, Duration outageTolerance) {
        this.connections = connections;
        this.outageTolerance = outageTolerance;
        this.dialect = dialect;
        this.url = DatabaseSettings.redacted(url);
        this.remote = remote;
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
     * as {@link #heldWithoutShare held without a share}.
     */
    static Database open(DatabaseSettings settings) {
        long began = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return openOwnOrRetry(settings);
            } catch (RuntimeException e) {
                SQLException cause = sqlCause(e);
                if (cause == null || cause.getErrorCode() != IN_USE) {
                    throw e;
                }
                Optional<DatabaseSettings> share = LocalShare.find(settings);
                if (share.isPresent()) {
                    try {
                        return joined(settings, share.get());
                    } catch (RuntimeException joinFailed) {
                        e.addSuppressed(joinFailed);
                    }
                }
                if (System.nanoTime() - began >= HAND_OVER.toNanos()) {
                    throw heldWithoutShare(settings, e);
                }
                backOff(Math.min(attempt, 6) + 2);
            }
        }
    }

    /**
     * The embedded database of a directory that another process of this machine holds, through that process's {@link
     * LocalShare} while it runs and from the file after it ({@link ShareOrFileDataSource}). Messages name the file, not
     * the share, whose URL holds its secret name (and names a process that may have ended); the holder ending is an
     * outage to wait out, as a server's shutdown is.
     */
    private static Database joined(DatabaseSettings file, DatabaseSettings share) {
        ShareOrFileDataSource source = new ShareOrFileDataSource(file);
        Database db = new Database(PooledConnections.open(source, file.withPoolSize(share.maxPoolSize()), Dialect.H2),
                Dialect.H2, file.jdbcUrl(), true, file.outageTolerance());
        db.endSharing = source::endSharing;
        try {
            Migrations.migrate(db.dataSource());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Log.LOG.info("The tracker database {} is held by another process; joined it through that process's share",
                DatabaseSettings.redacted(file.jdbcUrl()));
        return db;
    }

    private static Database openOwnOrRetry(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings);
        boolean remote = DatabaseSettings.isServer(settings.jdbcUrl());
        long began = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return openOnce(settings, dialect);
            } catch (RuntimeException e) {
                SQLException cause = sqlCause(e);
                if (cause == null || dialect.classify(cause, remote) != Dialect.Failure.OUTAGE
                        || System.nanoTime() - began >= settings.outageTolerance().toNanos()) {
                    throw e;
                }
                if (attempt == 1) {
                    Log.LOG.warn("Database {} unreachable ({}); retrying for up to {}",
                            DatabaseSettings.redacted(settings.jdbcUrl()), reason(e), human(settings.outageTolerance()));
                }
                backOff(Math.min(attempt, 6) + 2);
            }
        }
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
        Optional<DatabaseSettings> readOnly = settings.readOnly();
        Dialect dialect = Dialect.of(settings);
        if (readOnly.isPresent() || dialect == Dialect.POSTGRESQL) {
            Database db = null;
            try {
                DatabaseSettings read = readOnly.orElse(settings);
                Connections connections = readOnly.isPresent() ? SessionConnections.open(read, dialect)
                        : ReusedConnections.open(read);
                db = new Database(connections, dialect, read.jdbcUrl(), read.outageTolerance());
                if (Migrations.NEWEST.equals(Migrations.applied(db.connections.dataSource()))) {
                    return db;
                }
            } catch (SQLException | RuntimeException e) {
                // in use by another process, unreachable, older file format: the ordinary open below reports or handles it
            }
            if (db != null) {
                db.close();
            }
        }
        return open(settings);
    }

    /**
     * Opens the database in this process. The embedded database of a directory is shared once migrated (Flyway's lock does
     * not serialise two processes creating a new database's first tables): processes started beside this one wait for
     * that, seconds for a new file, within {@link #HAND_OVER}.
     */
    private static Database openOnce(DatabaseSettings settings, Dialect dialect) {
        if (LocalShare.candidate(settings)) {
            LocalShare.bindLoopback();
        }
        settings.embeddedFile().ifPresent(file -> directoryOf(settings, file));
        Database db = new Database(PooledConnections.open(settings, dialect), dialect, settings.jdbcUrl(),
                settings.outageTolerance());
        try {
            Migrations.migrate(db.dataSource());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        db.endSharing = LocalShare.publish(settings).<Runnable>map(share -> share::close).orElse(null);
        return db;
    }

    /**
     * Makes sure the directory of an embedded database {@code file} exists: a directory's tracker ({@link
     * DatabaseSettings#embedded}, the first use of {@code TrackerConfig.inDirectory}) creates its directory, with parents
     * (as MLflow creates {@code mlruns}), race-free for processes starting together; any other embedded URL creates its
     * file but not a missing directory (as SQLite does), so a mistyped path fails instead of leaving directories behind.
     */
    private static void directoryOf(DatabaseSettings settings, Path file) {
        Path dir = file.toAbsolutePath().getParent();
        if (LocalShare.candidate(settings)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw TrackerException.unavailable("cannot create the tracker directory " + dir + ": " + e, e);
            }
        } else if (!Files.isDirectory(dir)) {
            String url = DatabaseSettings.redacted(settings.jdbcUrl()).split(";", 2)[0];
            throw TrackerException.invalid("storage URL " + url + ": no directory "
                    + dir + " for its database file " + file.getFileName() + "; expected an existing directory: create it first,"
                    + " or name the tracker directory itself (TrackerConfig.inDirectory, --storage DIR), made on first use");
        }
    }

    /** The first {@link SQLException} among the causes of {@code e}, or null. */
    private static SQLException sqlCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    /** What failed when opening the database at {@code url}. */
    static String describeOpenFailure(String url, Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String text = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        return "cannot open the tracker database " + DatabaseSettings.redacted(url) + ": " + text;
    }

    /**
     * The failure of an open that waited {@link #HAND_OVER} for an embedded database held by a process that does not share
     * it: names the file and what to do, without H2's URL settings and error code (they stay in the cause).
     */
    static TrackerException heldWithoutShare(DatabaseSettings settings, Exception e) {
        String file = settings.embeddedFile().map(Path::toString).orElse(DatabaseSettings.redacted(settings.jdbcUrl()));
        return TrackerException.unavailable("the tracker database " + file + " is held by another process that does not share"
                + " it (a `tunelab server` serving it, an older Tunelab, or another H2 tool); waited " + human(HAND_OVER)
                + " for it to be released. Stop that process, or connect to that server's jdbc:h2:tcp:// URL", e);
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
     * survive a {@code kill -9} (a finished trial, a study, an alias move). The work runs once: when the
     * checkpoint fails after the commit (the share of a joined process closing), the checkpoint alone is retried.
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
        // run twice, e.g. when a joined process's holder ends between the commit and the checkpoint).
        boolean committed = false;
        T result = null;
        try {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = connections.get()) {
                    try {
                        if (!committed) {
                            result = work.run(c);
                            c.commit();
                            committed = true;
                        }
                        if (durable) {
                            dialect.makeDurable(c);
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
                            inOutage.incrementAndGet();
                        }
                        if (System.nanoTime() - began >= outageTolerance.toNanos()) {
                            throw TrackerException.unavailable("database " + url + " unreachable for "
                                    + human(outageTolerance) + " (" + reason(e) + ")", e);
                        }
                        logOutage(attempt, e);
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
                if (reached) {
                    recoveredAt = System.nanoTime();
                    everRecovered = true;
                    if (outageReported.compareAndSet(true, false)) {
                        Log.LOG.warn("Database {} is reachable again", url);
                    }
                }
                inOutage.decrementAndGet();
            }
        }
    }

    private void logOutage(int attempt, SQLException e) {
        if (attempt == 1 && outageReported.compareAndSet(false, true)) {
            Log.LOG.warn("Database {} unreachable ({}); retrying for up to {}", url, reason(e), human(outageTolerance));
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
        if (inOutage.get() > 0) {
            return 0;
        }
        return everRecovered ? System.nanoTime() - recoveredAt : Long.MAX_VALUE;
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

    private static void backOff(int attempt) {
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
