package io.tunelab.tracker.jdbc;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The {@link Connections} of a one-shot reader, without a pool: they are their own {@link DataSource} (for Flyway's
 * version check), which hands out connections as {@link #get} makes them.
 */
abstract class UnpooledConnections implements Connections, DataSource {

    @Override
    public final DataSource dataSource() {
        return this;
    }

    @Override
    public final Connection getConnection() throws SQLException {
        return get();
    }

    @Override
    public final Connection getConnection(String username, String password) throws SQLException {
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
        // connections are made as get() makes them
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
