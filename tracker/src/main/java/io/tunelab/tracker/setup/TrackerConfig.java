package io.tunelab.tracker.setup;

import io.tunelab.tracker.config.DatabaseCredentials;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.config.StorageOptions;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a tracker keeps its data and how it runs.
 *
 * @param database     the database to use
 * @param artifactRoot the directory artifact files are copied into
 * @param storage      tracking-store options (heartbeats, metric batching, clock)
 */
public record TrackerConfig(DatabaseSettings database, Path artifactRoot, StorageOptions storage) {

    /** The default: an embedded database and artifacts in {@code .tunelab/} of the working directory. */
    public static TrackerConfig defaults() {
        return inDirectory(Path.of(".tunelab"));
    }

    /**
     * An embedded database ({@code tracker.mv.db}) and an {@code artifacts/} root in {@code directory},
     * opened as its administrator with the password a tracker server wrote there
     * ({@value PasswordFile#ADMIN_FILE}), if one has served it.
     */
    public static TrackerConfig inDirectory(Path directory) {
        DatabaseSettings embedded = DatabaseSettings.embedded(directory);
        Path admin = directory.resolve(PasswordFile.ADMIN_FILE);
        if (Files.exists(admin)) {
            embedded = embedded.withCredentials(PasswordFile.ADMIN_USER, PasswordFile.read(admin));
        }
        return new TrackerConfig(embedded, directory.resolve("artifacts"), StorageOptions.defaults());
    }

    /**
     * Any JDBC URL with artifacts under {@code artifactRoot} (a directory every worker can reach), connected to with the
     * credentials the environment gives, as the CLI does ({@link DatabaseCredentials}): e.g. a tracker server's
     * {@code jdbc:h2:tcp://127.0.0.1:9092/tracker} as its study user, with the password from {@code $TUNELAB_DB_PASSWORD},
     * the file {@code $TUNELAB_DB_PASSWORD_FILE} names, or {@code .tunelab/tracker.password} when the server serves
     * {@code .tunelab/} of the working directory; a PostgreSQL URL as {@code $TUNELAB_DB_USER} (default
     * {@code postgres}) with {@code $TUNELAB_DB_PASSWORD}. Other credentials:
     * {@code .withDatabase(DatabaseSettings.of(url).withCredentials(user, password))}.
     *
     * @throws io.tunelab.tracker.TrackerException INVALID when {@code $TUNELAB_DB_PASSWORD_FILE} names no readable file
     */
    public static TrackerConfig forUrl(String jdbcUrl, Path artifactRoot) {
        return new TrackerConfig(DatabaseCredentials.fromEnvironment(DatabaseSettings.of(jdbcUrl), null), artifactRoot,
                StorageOptions.defaults());
    }

    public TrackerConfig withStorage(StorageOptions options) {
        return new TrackerConfig(database, artifactRoot, options);
    }

    public TrackerConfig withDatabase(DatabaseSettings settings) {
        return new TrackerConfig(settings, artifactRoot, storage);
    }
}
