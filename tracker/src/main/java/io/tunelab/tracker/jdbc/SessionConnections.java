package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Plain sessions of an embedded H2 database, without a pool: one anchor connection keeps the database open from
 * {@link #open} to {@link #close}, and each transaction gets a new session of it (cheap in-process). For a command that
 * opens the database, reads and exits, a pool's threads, proxies and shutdown cost more than the sessions do.
 */
final class SessionConnections implements Connections, DataSource {
    private final JdbcDataSource source;
    private final Dialect dialect;
    private final Connection anchor;
    private volatile boolean closed;

    private SessionConnections(JdbcDataSource source, Dialect dialect, Connection anchor) {
        this.source = source;
        this.dialect = dialect;
        this.anchor = anchor;
    }

    /** Opens the database with its anchor connection; the SQL failure of that open is thrown as it is. */
    static SessionConnections open(DatabaseSettings settings, Dialect dialect) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(settings.jdbcUrl());
        source.setUser(settings.user());
        source.setPassword(settings.password());
        return new SessionConnections(source, dialect, source.getConnection());
    }

    @Override
    public Connection get() throws SQLException {
        if (closed) {
            throw new SQLException("the tracker database " + source.getURL() + " is closed");
        }
        Connection c = source.getConnection();
        try {
            c.setAutoCommit(false);
            String init = dialect.connectionInitSql();
            if (init != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(init);
                }
            }
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public DataSource dataSource() {
        return this;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            anchor.close();
        } catch (SQLException e) {
            // The database is gone already; nothing is left to release.
        }
    }

    // DataSource, for Flyway's version check: sessions as get() makes them.

    @Override
    public Connection getConnection() throws SQLException {
        return get();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return get();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // no log writer
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // embedded sessions do not wait
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
