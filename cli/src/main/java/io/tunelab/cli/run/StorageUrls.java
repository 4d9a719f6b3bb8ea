package io.tunelab.cli.run;

import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.tracker.config.DatabaseSettings;

/**
 * Storage URLs as commands print them: without their password ({@code password=***}), and the command line that
 * joins a study, shell-quoted so that it can be pasted (a PostgreSQL URL's {@code &} would end the command).
 */
public final class StorageUrls {
    private StorageUrls() {
    }

    /** The URL with any password replaced by {@code ***}. */
    public static String redacted(String url) {
        return DatabaseSettings.redacted(url);
    }

    /** A word as a POSIX shell reads it back: as it is when it holds no special character, else in single quotes. */
    public static String shellQuoted(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * {@code tunelab worker --storage URL [--password-file FILE] --study NAME} for the storage {@code access} names, its
     * password redacted, with the password file when one was given.
     */
    public static String workerCommand(StorageAccess access, String study) {
        return "tunelab worker --storage " + shellQuoted(redacted(access.url()))
                + (access.passwordFile() == null ? "" : " --password-file " + shellQuoted(access.passwordFile().toString()))
                + " --study " + shellQuoted(study);
    }
}
