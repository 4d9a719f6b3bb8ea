package io.tunelab.tracker.server;

import io.tunelab.tracker.TrackerException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to run a {@link TrackerServer}.
 *
 * @param directory   where the database file ({@code tracker.mv.db}) and artifacts live
 * @param port        TCP port, or 0 for any free port
 * @param allowOthers whether clients on other machines may connect; false binds to 127.0.0.1 only
 * @param reapEvery   how often the server fails stale trials of every study, or null for never
 *                    (workers also reap when they ask for trials)
 */
public record ServerOptions(Path directory, int port, boolean allowOthers, Duration reapEvery) {
    public ServerOptions {
        if (port < 0 || port > 65_535) {
            throw TrackerException.invalid("port must be 0 (any free port) to 65535, got " + port);
        }
    }

    /** Loopback only, any free port, reaping every 30 s. */
    public static ServerOptions loopback(Path directory) {
        return new ServerOptions(directory, 0, false, Duration.ofSeconds(30));
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(directory, p, allowOthers, reapEvery);
    }

    /** Accepts clients from other machines (bind to all interfaces). */
    public ServerOptions allowingOthers() {
        return new ServerOptions(directory, port, true, reapEvery);
    }

    public ServerOptions withReapEvery(Duration every) {
        return new ServerOptions(directory, port, allowOthers, every);
    }
}
