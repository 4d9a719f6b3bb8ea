package io.tunelab.tracker.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The {@link Connections} of a one-shot reader, without a pool: they are their own {@link DataSource} (for Flyway's
 * version check), which hands out connections as {@link #get} makes them.
 */
abstract class UnpooledConnections extends PlainDataSource implements Connections {

    @Override
    public final DataSource dataSource() {
        return this;
    }

    @Override
    public final Connection getConnection() throws SQLException {
        return get();
    }
}
