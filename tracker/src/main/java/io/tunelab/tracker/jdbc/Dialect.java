package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;

/**
 * What differs between the databases the tracker runs on. The schema and every statement are written
 * in the SQL both H2 and PostgreSQL accept; only session set-up and error classification live here.
 */
enum Dialect {
    H2, POSTGRESQL;

    /** The dialect of a database (its settings accept only the URLs of these two). */
    static Dialect of(DatabaseSettings settings) {
        return settings.isPostgresql() ? POSTGRESQL : H2;
    }

    /**
     * The JDBC driver's class, loaded by the pool itself: {@code DriverManager} finds only drivers its caller's
     * class loader sees, so in an application jar loaded by a child class loader (a {@code spark-submit}
     * application on its driver and executors) it finds none.
     */
    String driverClass() {
        return this == H2 ? "org.h2.Driver" : "org.postgresql.Driver";
    }

    /** SQL run on every new pooled connection, or null. */
    String connectionInitSql() {
        // Lock waits are short transactions on a study row; ten seconds covers heavy contention.
        return this == H2 ? "SET LOCK_TIMEOUT 10000" : null;
    }

    /**
     * Forces every commit so far to the database file. H2 otherwise writes commits in the background
     * (every 500 ms by default) and a killed process loses them; PostgreSQL commits are durable already,
     * and so are those to a tracker server, which writes every commit itself ({@code WRITE_DELAY 0}) and
     * lets its clients no {@code CHECKPOINT} (an administrator's statement). The {@link LocalShare} of another
     * process is no such server: it writes in the background as that process does, so its clients checkpoint too.
     */
    void makeDurable(Connection c) throws SQLException {
        String url = c.getMetaData().getURL();
        if (this == H2 && (!DatabaseSettings.isServer(url) || LocalShare.isShare(url))) {
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
        }
    }

    /** Why a transaction failed, which decides whether and how long it is retried. */
    enum Failure {
        /** The work itself is wrong (bad SQL, a constraint): retrying cannot help. */
        PERMANENT,
        /** Lock time-out, deadlock, serialisation failure, concurrent update: retry a few times at once. */
        CONTENTION,
        /** The database cannot be reached (refused, shutting down, restarting, out of connections): retry for a while. */
        OUTAGE
    }

    /**
     * Classifies a failed transaction: CONTENTION for lock time-outs, deadlocks (PostgreSQL 40P01),
     * serialisation failures (40001) and H2's concurrent-update errors; OUTAGE for connection failures
     * (SQLState class 08, JDBC's transient-connection and recoverable exceptions), a PostgreSQL server
     * shutting down or starting (57P01, 57P02, 57P03), too many connections (53300), H2's broken
     * connection (90067) and, over a connection to an H2 server ({@code remote}), H2's closed database
     * (90121), which a client sees while the server shuts down; PERMANENT otherwise. An embedded H2
     * database that reports itself closed was closed in this process (at its shutdown): that is permanent.
     *
     * @param remote whether the connection goes to a database server ({@link DatabaseSettings#isServer})
     */
    Failure classify(SQLException e, boolean remote) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (e instanceof SQLTransientConnectionException || e instanceof SQLRecoverableException
                || state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || (this == H2 && code == 90067) || (this == H2 && remote && code == 90121)) {
            return Failure.OUTAGE;
        }
        if (state.startsWith("40") || state.equals("HYT00") || state.equals("55P03")) {
            return Failure.CONTENTION;
        }
        // H2: concurrent update in another transaction (90131), lock timeout (50200), row changed (90143).
        if (this == H2 && (code == 90131 || code == 50200 || code == 90143 || code == 40001)) {
            return Failure.CONTENTION;
        }
        return Failure.PERMANENT;
    }

    /** Whether the failure is a unique or foreign-key constraint violation. */
    static boolean isConstraintViolation(SQLException e) {
        String state = e.getSQLState();
        return state != null && state.startsWith("23");
    }
}
