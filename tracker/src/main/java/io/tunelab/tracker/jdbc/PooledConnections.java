package io.tunelab.tracker.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.pool.HikariPool;
import io.tunelab.search.storage.StorageException;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * A HikariCP pool of at most {@link DatabaseSettings#maxPoolSize()} connections, one kept idle: for processes that
 * run trials, write metrics from another thread or serve the dashboard.
 *
 * <p>Waiting for a connection: a pool whose connections are all in use (a busy database that answers, e.g. a dashboard
 * serving many slow pages) is waited on for {@link #busyTolerance}, longer than the outage tolerance, and then fails
 * with a {@link TrackerException#busy busy} UNAVAILABLE; a pool that cannot open connections (an unreachable
 * database) fails after the outage tolerance as before, for {@link Database} to retry and report as unreachable.
 */
final class PooledConnections implements Connections {
    /** The longest {@link #busyTolerance}, unless the outage tolerance is longer. */
    static final Duration MAX_BUSY_TOLERANCE = Duration.ofMinutes(2);
    /** How many outage tolerances a request waits for a free connection of a busy pool. */
    static final int BUSY_FACTOR = 10;

    private final HikariDataSource pool;
    private final int size;
    private final Duration busyTolerance;

    private PooledConnections(HikariDataSource pool, int size, Duration busyTolerance) {
        this.pool = pool;
        this.size = size;
        this.busyTolerance = busyTolerance;
    }

    /**
     * How long a request waits for a connection while every one is in use: {@value #BUSY_FACTOR} times the outage
     * tolerance (30 s for the dashboard's 3 s), at most {@link #MAX_BUSY_TOLERANCE} or the outage tolerance if longer.
     */
    static Duration busyTolerance(Duration outageTolerance) {
        Duration most = outageTolerance.compareTo(MAX_BUSY_TOLERANCE) > 0 ? outageTolerance : MAX_BUSY_TOLERANCE;
        Duration wait = outageTolerance.multipliedBy(BUSY_FACTOR);
        return wait.compareTo(most) < 0 ? wait : most;
    }

    /** Opens the pool and its first connection; UNAVAILABLE (naming the URL) when that fails. */
    static PooledConnections open(DatabaseSettings settings, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setDriverClassName(dialect.driverClass());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        return open(config, settings, dialect);
    }

    /**
     * A pool over {@code source}'s connections, sized and timed by {@code settings} (whose URL only names the database in
     * messages); UNAVAILABLE when the first connection fails.
     */
    static PooledConnections open(DataSource source, DatabaseSettings settings, Dialect dialect) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(source);
        return open(config, settings, dialect);
    }

    private static PooledConnections open(HikariConfig config, DatabaseSettings settings, Dialect dialect) {
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setMinimumIdle(1);
        // Connections beyond the one kept idle close after 30 s, so idle workers hold one connection each.
        config.setIdleTimeout(30_000);
        if (!DatabaseSettings.isServer(settings.jdbcUrl())) {
            // An embedded file closes with its last connection, and another process may then take it: HikariCP's
            // recycling (maxLifetime, 30 min) of the one connection an idle holder keeps could let the file go from
            // under a live holder and its share. An embedded database's connections live as long as the pool.
            config.setMaxLifetime(0);
        }
        config.setAutoCommit(false);
        config.setConnectionTimeout(Math.max(250, Math.min(10_000, settings.outageTolerance().toMillis())));
        config.setPoolName("tunelab-tracker");
        config.setConnectionInitSql(dialect.connectionInitSql());
        try {
            return new PooledConnections(new HikariDataSource(config), settings.maxPoolSize(),
                    busyTolerance(settings.outageTolerance()));
        } catch (HikariPool.PoolInitializationException e) {
            if (Database.refusedLogin(e)) {
                throw new TrackerException(StorageException.Kind.INVALID, Database.describeOpenFailure(settings, e), e);
            }
            throw TrackerException.unavailable(Database.describeOpenFailure(settings, e), e);
        }
    }

    /**
     * A free connection; while all are in use, waits up to {@link #busyTolerance} for one, then throws a busy {@link
     * TrackerException}. A time-out of a pool that failed to open connections is thrown as it is (an outage).
     */
    @Override
    public Connection get() throws SQLException {
        long began = System.nanoTime();
        while (true) {
            try {
                return pool.getConnection();
            } catch (SQLTransientConnectionException e) {
                if (!allInUse(e)) {
                    throw e;
                }
                if (System.nanoTime() - began >= busyTolerance.toNanos()) {
                    throw TrackerException.busy("database busy: all " + size + " connections of this process stayed in use for "
                            + Database.human(busyTolerance), e);
                }
            }
        }
    }

    /**
     * Whether a pool time-out came from connections that are all in use, not from failures to open one (Hikari gives
     * the last failure to connect as the cause, and forgets it once a connection opens).
     */
    private boolean allInUse(SQLTransientConnectionException e) {
        HikariPoolMXBean state = pool.getHikariPoolMXBean();
        return e.getCause() == null && state != null && state.getActiveConnections() >= size;
    }

    @Override
    public boolean isClosed() {
        return pool.isClosed();
    }

    @Override
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
