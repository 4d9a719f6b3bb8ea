package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Connections to the embedded database of a directory for a process that joined another's {@link LocalShare}: through
 * the share while its holder runs, and from the file itself once the holder has ended (this process then holds the
 * file), so that a joined dashboard, study or read outlives the process it joined. While the file changes hands
 * (the holder closing, or another process taking it first), a connection fails with a transient connection failure,
 * which {@link Database} waits out as an outage. A process that took the file over serves it by a share of its own
 * in turn, until {@link #endSharing}. Thread-safe.
 */
final class ShareOrFileDataSource extends PlainDataSource {
    private final DatabaseSettings file;
    /** The share this process serves the file by since it took the file over, or null. */
    private LocalShare published;
    /** Whether {@link #endSharing} ran: the database is closing, and a connection made now publishes nothing. */
    private boolean ended;

    /** @param file the embedded database's own settings ({@code jdbc:h2:retry:/dir/tracker…}) */
    ShareOrFileDataSource(DatabaseSettings file) {
        this.file = file;
    }

    @Override
    public Connection getConnection() throws SQLException {
        synchronized (this) {
            if (published != null) {
                return DriverManager.getConnection(file.jdbcUrl(), file.user(), file.password());
            }
        }
        Optional<DatabaseSettings> share = LocalShare.find(file);
        SQLException shareFailure = null;
        if (share.isPresent()) {
            try {
                return DriverManager.getConnection(share.get().jdbcUrl(), file.user(), file.password());
            } catch (SQLException e) {
                shareFailure = e; // the holder has gone (or is going): try the file
            }
        }
        try {
            Connection own = DriverManager.getConnection(file.jdbcUrl(), file.user(), file.password());
            synchronized (this) {
                if (published == null && !ended) {
                    published = LocalShare.publish(file).orElse(null);
                }
            }
            return own;
        } catch (SQLException e) {
            if (e.getErrorCode() == Database.IN_USE) {
                SQLTransientConnectionException changing = new SQLTransientConnectionException(
                        "the database " + DatabaseSettings.redacted(file.jdbcUrl()) + " is changing hands between processes",
                        "08001", e);
                if (shareFailure != null) {
                    changing.addSuppressed(shareFailure);
                }
                throw changing;
            }
            throw e;
        }
    }

    /** Ends the share this process serves the file by, if it took the file over, for good: the database is closing. */
    synchronized void endSharing() {
        ended = true;
        if (published != null) {
            published.close();
            published = null;
        }
    }
}
