package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Connections to a PostgreSQL server for a one-shot command that only reads: the driver's sessions, each reused by the
 * next transaction once the connection lent for the last one is closed. Transactions one after another share one
 * server session; overlapping ones get one each, kept until {@link #close}. A session comes back rolled back; one the
 * server ended, or that cannot roll back, is dropped, and the next transaction opens another. No pool: no threads, no
 * housekeeping and none of a pool's start-up, which cost about 50 ms of a {@code tunelab best} of 0.6 s. Sessions come
 * from the driver itself, not through {@link java.sql.DriverManager} (which loads every driver on the class path) nor the
 * driver's pooled data source (whose handles are proxies generated at run time); connection properties in the URL win
 * over the settings' user and password, as in the pool. Thread-safe.
 */
final class ReusedConnections extends UnpooledConnections {
    private final Driver driver;
    private final String url;
    private final Properties login;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private boolean closed;

    private ReusedConnections(Driver driver, String url, Properties login) {
        this.driver = driver;
        this.url = url;
        this.login = login;
    }

    /** Connects to the server once (the SQL failure of that connection is thrown as it is), for reuse. */
    static ReusedConnections open(DatabaseSettings settings) throws SQLException {
        Properties login = new Properties();
        if (settings.user() != null) {
            login.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            login.setProperty("password", settings.password());
        }
        ReusedConnections connections = new ReusedConnections(new Driver(), settings.jdbcUrl(), login);
        connections.get().close();
        return connections;
    }

    @Override
    public Connection get() throws SQLException {
        Connection session;
        synchronized (this) {
            if (closed) {
                throw new SQLException("the tracker database " + url + " is closed");
            }
            session = idle.poll();
        }
        if (session == null) {
            session = driver.connect(url, login);
            if (session == null) {
                throw new SQLException("not a PostgreSQL URL: " + url);
            }
            synchronized (this) {
                all.add(session);
            }
        }
        try {
            session.setAutoCommit(false);
            return new LeasedConnection(session, this::release);
        } catch (SQLException e) {
            release(session);
            throw e;
        }
    }

    /** A session given back: rolled back and kept for the next transaction, or closed when broken or no longer needed. */
    private void release(Connection session) {
        boolean reusable;
        try {
            reusable = !session.isClosed();
            if (reusable && !session.getAutoCommit()) {
                session.rollback();
            }
        } catch (SQLException e) {
            reusable = false;
        }
        synchronized (this) {
            if (reusable && !closed) {
                idle.push(session);
                return;
            }
            all.remove(session);
        }
        closeQuietly(session);
    }

    /** The server sessions open now, idle or in use. */
    synchronized int sessions() {
        return all.size();
    }

    @Override
    public synchronized boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        List<Connection> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(all);
            all.clear();
            idle.clear();
        }
        open.forEach(ReusedConnections::closeQuietly);
    }

    private static void closeQuietly(Connection session) {
        try {
            session.close();
        } catch (SQLException e) {
            // the session is gone already; nothing is left to release
        }
    }
}
