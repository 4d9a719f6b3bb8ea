package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Plain sessions of an embedded H2 database, without a pool: one anchor connection keeps the database open from
 * {@link #open} to {@link #close}, and each transaction gets a new session of it (cheap in-process). For a command that
 * opens the database, reads and exits, a pool's threads, proxies and shutdown cost more than the sessions do.
 */
final class SessionConnections extends UnpooledConnections {
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
}
