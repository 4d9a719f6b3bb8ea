package io.tunelab.tracker.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Where {@link Database} gets its connections: a pool ({@link PooledConnections}) for processes that run trials or
 * serve, or plain sessions of an embedded database ({@link SessionConnections}) for a one-shot command that only reads.
 * Every connection handed out has auto-commit off and the dialect's session settings applied; closing it gives it
 * back (or ends the session).
 */
interface Connections extends AutoCloseable {

    /** A connection for one transaction; the caller closes it. */
    Connection get() throws SQLException;

    /** Whether {@link #close} was called; a failing transaction is not retried then. */
    boolean isClosed();

    /** The connections as a plain data source, for tools (Flyway, benchmarks). */
    DataSource dataSource();

    /** Closes every connection; an embedded H2 database closes with its last one. */
    @Override
    void close();
}
