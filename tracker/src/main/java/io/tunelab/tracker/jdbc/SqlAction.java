package io.tunelab.tracker.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of database work that returns nothing; like {@link SqlWork} it may run again on retry. */
@FunctionalInterface
interface SqlAction {
    void run(Connection connection) throws SQLException;
}
