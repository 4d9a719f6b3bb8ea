package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;

/**
 * How a {@link Database} is opened ({@link Database#open}, {@link Database#openForReading}): its own pool, migrated,
 * and shared with the other processes of this machine ({@link LocalShare}); a database another process holds, joined
 * through that process's share; an unreachable database, waited for; a database only read, over plain sessions.
 */
final class DatabaseOpener {
    private DatabaseOpener() {
    }

    /** See {@link Database#open}. */
    static Database open(DatabaseSettings settings) {
        long began = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            try {
                return openOwnOrRetry(settings);
            } catch (RuntimeException e) {
                SQLException cause = sqlCause(e);
                if (cause == null || cause.getErrorCode() != Database.IN_USE) {
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
                if (System.nanoTime() - began >= Database.HAND_OVER.toNanos()) {
                    throw heldWithoutShare(settings, e);
                }
                Database.backOff(Math.min(attempt, 6) + 2);
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
        db.endSharingWith(source::endSharing);
        db.markDurableWrites();
        migrateOrClose(db);
        Database.Log.LOG.info("The tracker database {} is held by another process; joined it through that process's share",
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
                    Database.Log.LOG.warn("Database {} unreachable ({}); retrying for up to {}",
                            DatabaseSettings.redacted(settings.jdbcUrl()), Database.reason(e),
                            Database.human(settings.outageTolerance()));
                }
                Database.backOff(Math.min(attempt, 6) + 2);
            }
        }
    }

    /** See {@link Database#openForReading}. */
    static Database openForReading(DatabaseSettings settings) {
        Optional<DatabaseSettings> readOnly = settings.readOnly();
        Dialect dialect = Dialect.of(settings);
        if (readOnly.isPresent() || dialect == Dialect.POSTGRESQL) {
            Database db = null;
            try {
                DatabaseSettings read = readOnly.orElse(settings);
                Connections connections = readOnly.isPresent() ? SessionConnections.open(read, dialect)
                        : ReusedConnections.open(read);
                db = new Database(connections, dialect, read.jdbcUrl(), DatabaseSettings.isServer(read.jdbcUrl()),
                        read.outageTolerance());
                if (Migrations.NEWEST.equals(Migrations.applied(db.dataSource()))) {
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
     * that, seconds for a new file, within {@link Database#HAND_OVER}.
     */
    private static Database openOnce(DatabaseSettings settings, Dialect dialect) {
        if (LocalShare.candidate(settings)) {
            LocalShare.bindLoopback();
        }
        settings.embeddedFile().ifPresent(file -> directoryOf(settings, file));
        Database db = new Database(PooledConnections.open(settings, dialect), dialect, settings.jdbcUrl(),
                DatabaseSettings.isServer(settings.jdbcUrl()), settings.outageTolerance());
        migrateOrClose(db);
        db.endSharingWith(LocalShare.publish(settings).<Runnable>map(share -> share::close).orElse(null));
        return db;
    }

    /** Migrates {@code db}, closing it when the migration fails. */
    private static void migrateOrClose(Database db) {
        try {
            Migrations.migrate(db.dataSource());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
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

    /**
     * The failure of an open that waited {@link Database#HAND_OVER} for an embedded database held by a process that does not share
     * it: names the file and what to do, without H2's URL settings and error code (they stay in the cause).
     */
    static TrackerException heldWithoutShare(DatabaseSettings settings, Exception e) {
        String file = settings.embeddedFile().map(Path::toString).orElse(DatabaseSettings.redacted(settings.jdbcUrl()));
        return TrackerException.unavailable("the tracker database " + file + " is held by another process that does not share"
                + " it (a `tunelab server` serving it, an older Tunelab, or another H2 tool); waited "
                + Database.human(Database.HAND_OVER) + " for it to be released. Stop that process, or connect to that server's"
                + " jdbc:h2:tcp:// URL", e);
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
}
