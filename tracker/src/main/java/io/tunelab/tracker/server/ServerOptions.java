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
 * @param tls         whether clients connect over TLS (H2's {@code -tcpSSL}, {@code jdbc:h2:ssl://}; the
 *                    key store comes from the {@code javax.net.ssl.keyStore} system properties)
 * @param insecure    whether others may connect without TLS; without it, {@code allowOthers} requires {@code tls}
 */
public record ServerOptions(Path directory, int port, boolean allowOthers, Duration reapEvery, boolean tls,
                            boolean insecure) {
    public ServerOptions {
        if (port < 0 || port > 65_535) {
            throw TrackerException.invalid("port must be 0 (any free port) to 65535, got " + port);
        }
        if (allowOthers && !tls && !insecure) {
            throw TrackerException.invalid("allowing other machines without TLS would send the database password in the"
                    + " clear; expected TLS (--tls, H2's -tcpSSL) or an explicit --insecure");
        }
    }

    /** Options without TLS (so {@code allowOthers} must be false). */
    public ServerOptions(Path directory, int port, boolean allowOthers, Duration reapEvery) {
        this(directory, port, allowOthers, reapEvery, false, false);
    }

    /** Loopback only, any free port, reaping every 30 s. */
    public static ServerOptions loopback(Path directory) {
        return new ServerOptions(directory, 0, false, Duration.ofSeconds(30));
    }

    public ServerOptions withPort(int p) {
        return new ServerOptions(directory, p, allowOthers, reapEvery, tls, insecure);
    }

    /** Accepts clients from other machines (bind to all interfaces) over TLS. */
    public ServerOptions allowingOthers() {
        return new ServerOptions(directory, port, true, reapEvery, true, insecure);
    }

    public ServerOptions withReapEvery(Duration every) {
        return new ServerOptions(directory, port, allowOthers, every, tls, insecure);
    }
}
