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
 * which {@link Database} waits out as an outage. Thread-safe.
 */
final class ShareOrFileDataSource extends PlainDataSource {
    private final DatabaseSettings file;

    /** @param file the embedded database's own settings ({@code jdbc:h2:retry:/dir/tracker…}) */
    ShareOrFileDataSource(DatabaseSettings file) {
        this.file = file;
    }

    @Override
    public Connection getConnection() throws SQLException {
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
            return DriverManager.getConnection(file.jdbcUrl(), file.user(), file.password());
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
}
