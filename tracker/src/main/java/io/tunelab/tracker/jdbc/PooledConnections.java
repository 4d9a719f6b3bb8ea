package io.tunelab.tracker.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A HikariCP pool of at most {@link DatabaseSettings#maxPoolSize()} connections, one kept idle: for processes that
 * run trials, write metrics from another thread or serve the dashboard.
 */
final class PooledConnections implements Connections {
    private final HikariDataSource pool;

    private PooledConnections(HikariDataSource pool) {
        this.pool = pool;
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
        config.setAutoCommit(false);
        config.setConnectionTimeout(Math.max(250, Math.min(10_000, settings.outageTolerance().toMillis())));
        config.setPoolName("tunelab-tracker");
        config.setConnectionInitSql(dialect.connectionInitSql());
        try {
            return new PooledConnections(new HikariDataSource(config));
        } catch (HikariPool.PoolInitializationException e) {
            throw TrackerException.unavailable(Database.describeOpenFailure(settings.jdbcUrl(), e), e);
        }
    }

    @Override
    public Connection get() throws SQLException {
        return pool.getConnection();
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
