package io.tunelab.cli.wiring;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a command's tracker is and how to use it: the {@code --storage} value, the password of a
 * tracker server, and the heartbeat of the trials this process runs.
 *
 * @param url               a directory, a JDBC URL or {@code memory:}
 * @param passwordFile      the file holding a tracker server's study password ({@code --password-file}), or null
 *                          for {@code $TUNELAB_DB_PASSWORD}, {@code $TUNELAB_DB_PASSWORD_FILE} or the server's
 *                          file in {@code .tunelab/}
 * @param heartbeatInterval how often running trials send a heartbeat, or null for the default (10 s)
 * @param heartbeatGrace    how long a silent trial may stay RUNNING before it is stale, or null for the default (60 s)
 */
public record StorageAccess(String url, Path passwordFile, Duration heartbeatInterval, Duration heartbeatGrace) {

    /** {@code url} with the default password lookup and heartbeat. */
    public static StorageAccess of(String url) {
        return new StorageAccess(url, null, null, null);
    }

    /** This access with the given heartbeat; a null argument keeps the current value. */
    public StorageAccess withHeartbeat(Duration interval, Duration grace) {
        return new StorageAccess(url, passwordFile, interval == null ? heartbeatInterval : interval,
                grace == null ? heartbeatGrace : grace);
    }
}
