package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;

/**
 * Where the tracker is, from a {@code --storage} value: a directory holds an embedded database and
 * its {@code artifacts/}; a JDBC URL names a server (H2 TCP or PostgreSQL), whose artifacts go to
 * {@code $TUNELAB_ARTIFACTS} or {@code .tunelab/artifacts} (a directory every worker can reach).
 */
final class TrackerLocation {
    private TrackerLocation() {
    }

    static TrackerConfig config(String storage) {
        if (storage.startsWith("jdbc:")) {
            String artifacts = System.getenv("TUNELAB_ARTIFACTS");
            Path root = artifacts == null || artifacts.isBlank() ? Path.of(".tunelab", "artifacts") : Path.of(artifacts);
            return TrackerConfig.forUrl(storage, root).withDatabase(poolSize(credentials(DatabaseSettings.of(storage))));
        }
        if (storage.isBlank() || storage.contains(":") && !storage.matches("[A-Za-z]:[\\\\/].*")) {
            throw new CliException("--storage: expected a directory, a jdbc:h2:... or jdbc:postgresql:... URL,"
                    + " or memory:, got '" + storage + "'");
        }
        return TrackerConfig.inDirectory(Path.of(storage));
    }

    /**
     * {@code TUNELAB_DB_POOL_SIZE} (2 or more) bounds the connections this process holds; the default for
     * a server is {@value DatabaseSettings#SERVER_POOL_SIZE}, so that many workers fit under the server's
     * connection limit.
     */
    private static DatabaseSettings poolSize(DatabaseSettings settings) {
        String size = System.getenv("TUNELAB_DB_POOL_SIZE");
        if (size == null || size.isBlank()) {
            return settings;
        }
        try {
            return settings.withPoolSize(Integer.parseInt(size.trim()));
        } catch (NumberFormatException e) {
            throw new CliException("TUNELAB_DB_POOL_SIZE must be a whole number of connections, got '" + size + "'");
        }
    }

    /** PostgreSQL URLs take their user and password from {@code TUNELAB_DB_USER} / {@code TUNELAB_DB_PASSWORD}. */
    private static DatabaseSettings credentials(DatabaseSettings settings) {
        String user = System.getenv("TUNELAB_DB_USER");
        if (user == null || user.isBlank()) {
            return settings.jdbcUrl().startsWith("jdbc:postgresql:") ? settings.withCredentials("postgres", "") : settings;
        }
        String password = System.getenv("TUNELAB_DB_PASSWORD");
        return settings.withCredentials(user, password == null ? "" : password);
    }
}
