package io.tunelab.tracker.db;

import io.tunelab.tracker.TrackerException;
import java.nio.file.Path;

/**
 * How to reach a tracker database.
 *
 * @param jdbcUrl     {@code jdbc:h2:file:…}, {@code jdbc:h2:tcp://…} or {@code jdbc:postgresql://…}
 * @param user        database user
 * @param password    database password (empty for the embedded default)
 * @param maxPoolSize connections this process may hold at most (bounded so many workers do not
 *                    exhaust a server)
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
    public DatabaseSettings {
        Dialect.of(jdbcUrl);
        if (maxPoolSize < 2) {
            throw TrackerException.invalid("maxPoolSize must be at least 2 (one for the metric writer), got "
                    + maxPoolSize);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** A JDBC URL with the default user and a pool of 8. */
    public static DatabaseSettings of(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, "sa", "", 8);
    }

    /** The embedded H2 database file {@code tracker.mv.db} in {@code directory}. */
    public static DatabaseSettings embedded(Path directory) {
        return of(embeddedUrl(directory));
    }

    /**
     * The URL of the embedded file database in {@code directory}. {@code DB_CLOSE_ON_EXIT=FALSE}
     * lets the tracker flush buffered metrics in its own shutdown hook before the database closes.
     */
    public static String embeddedUrl(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().normalize().resolve("tracker") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size);
    }

    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return new DatabaseSettings(jdbcUrl, newUser, newPassword, maxPoolSize);
    }
}
