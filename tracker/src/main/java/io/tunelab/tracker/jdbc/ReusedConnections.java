package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Connections to a PostgreSQL server for a one-shot command that only reads: the driver's physical connections, each
 * reused by the next transaction once the connection handed out for the last one is closed. Transactions one after
 * another share one server session; overlapping ones get one each, kept until {@link #close}. A connection the driver
 * reports broken is dropped, and the next transaction opens another. No pool: no threads, no housekeeping and none of
 * a pool's start-up, which cost about 50 ms of a {@code tunelab best} of 0.6 s. Thread-safe.
 */
final class ReusedConnections extends UnpooledConnections {
    private final PGConnectionPoolDataSource source;
    private final Deque<PooledConnection> idle = new ArrayDeque<>();
    private final List<PooledConnection> all = new ArrayList<>();
    private boolean closed;
    private final ConnectionEventListener released = new ConnectionEventListener() {
        @Override
        public void connectionClosed(ConnectionEvent event) {
            release((PooledConnection) event.getSource(), true);
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            release((PooledConnection) event.getSource(), false);
        }
    };

    private ReusedConnections(PGConnectionPoolDataSource source) {
        this.source = source;
    }

    /** Connects to the server once (the SQL failure of that connection is thrown as it is), for reuse. */
    static ReusedConnections open(DatabaseSettings settings) throws SQLException {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(settings.jdbcUrl());
        source.setUser(settings.user());
        source.setPassword(settings.password());
        ReusedConnections connections = new ReusedConnections(source);
        connections.get().close();
        return connections;
    }

    @Override
    public Connection get() throws SQLException {
        PooledConnection physical;
        synchronized (this) {
            if (closed) {
                throw new SQLException("the tracker database " + source.getURL() + " is closed");
            }
            physical = idle.poll();
        }
        if (physical == null) {
            physical = source.getPooledConnection();
            physical.addConnectionEventListener(released);
            synchronized (this) {
                all.add(physical);
            }
        }
        Connection c = physical.getConnection();
        try {
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** The physical connection whose handle was closed goes back for reuse, or away when broken or closed. */
    private void release(PooledConnection physical, boolean reusable) {
        synchronized (this) {
            if (reusable && !closed) {
                idle.push(physical);
                return;
            }
            all.remove(physical);
        }
        closeQuietly(physical);
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
        List<PooledConnection> open;
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

    private static void closeQuietly(PooledConnection physical) {
        try {
            physical.close();
        } catch (SQLException e) {
            // the session is gone already; nothing is left to release
        }
    }
}
