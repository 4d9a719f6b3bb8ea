package io.tunelab.cli.query;

import io.tunelab.cli.wiring.StorageAccess;
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

    public String url() {
        if (url != null) {
            return url;
        }
        String env = System.getenv("TUNELAB_STORAGE");
        return env == null || env.isBlank() ? DEFAULT_URL : env;
    }
}
