package io.tunelab.tracker.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of database work run inside one transaction by {@link Database}. It may run more than once
 * when the transaction is retried after a transient failure, so it must not have side effects outside
 * the connection.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
