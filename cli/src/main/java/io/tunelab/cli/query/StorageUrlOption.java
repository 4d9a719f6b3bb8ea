package io.tunelab.cli.query;

import io.tunelab.cli.wiring.EnvironmentVariable;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --storage} command-line option (a directory, JDBC URL or {@code memory:}) shared by every command
 * that reads or writes a study (where the tracker lives, not how it is tuned).
 */
public final class StorageUrlOption {
    /** Where studies live unless {@code --storage} or {@code TUNELAB_STORAGE} says otherwise. */
    public static final String DEFAULT_URL = ".tunelab";

    @Option(names = "--storage", paramLabel = "URL|DIR",
            description = "Tracker database: a directory for the embedded database, a JDBC URL "
                    + "(jdbc:h2:tcp://..., jdbc:postgresql://...) or memory: (default: $TUNELAB_STORAGE or "
                    + DEFAULT_URL + ").")
    String url;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File holding the password of a tracker server's study user (default: $TUNELAB_DB_PASSWORD,"
                    + " $TUNELAB_DB_PASSWORD_FILE, or .tunelab/tracker.password, written by `tunelab server`).")
    Path passwordFile;

    /** The storage URL with the password file, if one was given. */
    public StorageAccess access() {
        return new StorageAccess(url(), passwordFile, null, null);
    }

    /**
     * {@code --storage}, else {@code TUNELAB_STORAGE}, else {@value #DEFAULT_URL}.
     *
     * @throws io.tunelab.cli.error.CliException naming {@code TUNELAB_STORAGE} when it has none of the forms a storage has
     */
    public String url() {
        if (url != null) {
            return url;
        }
        EnvironmentVariable env = EnvironmentVariable.read("TUNELAB_STORAGE");
        if (!env.isSet()) {
            return DEFAULT_URL;
        }
        if (!isStorage(env.value())) {
            throw env.invalid(DatabaseSettings.redacted(env.value()), EXPECTED);
        }
        return env.value();
    }

    /** What a storage is, as errors about one say. */
    public static final String EXPECTED = "a directory, a jdbc:h2:... or jdbc:postgresql:... URL, or memory:";

    /**
     * Whether {@code url} has a form of storage: a JDBC URL, {@code memory:}, or a directory (a path without a colon, or a
     * Windows drive's). Whether the storage is there is another question.
     */
    public static boolean isStorage(String url) {
        return url.startsWith("jdbc:") || url.startsWith("memory:")
                || !url.isBlank() && (!url.contains(":") || url.matches("[A-Za-z]:[\\\\/].*"));
    }
}
