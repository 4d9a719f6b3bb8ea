package io.tunelab.cli.query;

import picocli.CommandLine.Option;

/** The {@code --storage} option shared by every command that reads or writes a study. */
public final class StorageOptions {
    /** Where studies live unless {@code --storage} or {@code TUNELAB_STORAGE} says otherwise. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./.tunelab/tunelab";

    @Option(names = "--storage", paramLabel = "URL",
            description = "JDBC URL of the tracker database (default: $TUNELAB_STORAGE or " + DEFAULT_URL + ").")
    String url;

    public String url() {
        if (url != null) {
            return url;
        }
        String env = System.getenv("TUNELAB_STORAGE");
        return env == null || env.isBlank() ? DEFAULT_URL : env;
    }
}
