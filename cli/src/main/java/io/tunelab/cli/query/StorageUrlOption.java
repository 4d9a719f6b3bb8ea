package io.tunelab.cli.query;

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

    public String url() {
        if (url != null) {
            return url;
        }
        String env = System.getenv("TUNELAB_STORAGE");
        return env == null || env.isBlank() ? DEFAULT_URL : env;
    }
}
