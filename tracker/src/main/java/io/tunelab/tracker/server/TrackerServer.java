package io.tunelab.tracker.server;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.jdbc.JdbcTracker;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An H2 TCP server owned by one long-lived process ({@code tunelab server}, or the dashboard), so any
 * number of worker processes share one tracker database through {@link #jdbcUrl()} without H2's
 * fragile {@code AUTO_SERVER} mode.
 *
 * <ul>
 *   <li>The server opens and migrates the database itself before accepting clients, and keeps it
 *       open until {@link #close()}; clients may never create databases ({@code -ifExists}). It opens
 *       it under the name its clients use ({@link DatabaseSettings#served}), so both share one open
 *       database.</li>
 *   <li>It listens on 127.0.0.1 unless {@link ServerOptions#allowOthers()}: the loopback binding
 *       uses H2's {@code h2.bindAddress}, which must be set before H2 is first used in the process
 *       (true for {@code tunelab server}); H2 also refuses remote clients unless others are allowed.</li>
 *   <li>Optionally it fails stale trials of every study periodically, so zombie RUNNING trials are
 *       cleaned up even when every worker has died.</li>
 * </ul>
 * Thread-safe.
 */
public final class TrackerServer implements AutoCloseable {
    /** The database name clients use in the URL. */
    public static final String DATABASE = "tracker";
    private static final Logger LOG = LoggerFactory.getLogger(TrackerServer.class);

    private final Server tcp;
    private final JdbcTracker tracker;
    private final ScheduledExecutorService reaper;
    private final Path directory;

    private TrackerServer(Server tcp, JdbcTracker tracker, ScheduledExecutorService reaper, Path directory) {
        this.tcp = tcp;
        this.tracker = tracker;
        this.reaper = reaper;
        this.directory = directory;
    }

    /** Opens the database in the options' directory and starts serving it; UNAVAILABLE if the port is taken. */
    public static TrackerServer start(ServerOptions options) {
        if (!options.allowOthers() && System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        Path dir = options.directory().toAbsolutePath().normalize();
        // The server's own store sends no heartbeats and records no provenance: it runs no trials.
        JdbcTracker tracker = JdbcTracker.open(DatabaseSettings.served(dir), dir.resolve("artifacts"),
                StorageOptions.defaults().withoutHeartbeat().withProvenance(false));
        List<String> args = new ArrayList<>(List.of("-tcpPort", String.valueOf(options.port()),
                "-baseDir", dir.toString(), "-ifExists", "-tcpDaemon"));
        if (options.allowOthers()) {
            args.add("-tcpAllowOthers");
        }
        Server tcp;
        try {
            tcp = Server.createTcpServer(args.toArray(String[]::new)).start();
        } catch (SQLException e) {
            tracker.close();
            throw TrackerException.unavailable("cannot start the tracker server on port " + options.port() + ": "
                    + e.getMessage(), e);
        }
        ScheduledExecutorService reaper = null;
        if (options.reapEvery() != null) {
            reaper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tunelab-server-reaper");
                t.setDaemon(true);
                return t;
            });
            long every = Math.max(1, options.reapEvery().toMillis());
            reaper.scheduleWithFixedDelay(() -> reapAll(tracker), every, every, TimeUnit.MILLISECONDS);
        }
        TrackerServer server = new TrackerServer(tcp, tracker, reaper, dir);
        LOG.info("Tracker server for {} listening at {}", dir, server.jdbcUrl());
        return server;
    }

    private static void reapAll(JdbcTracker tracker) {
        try {
            tracker.reapStaleTrials();
        } catch (RuntimeException e) {
            LOG.warn("Reaping stale trials failed; retrying next round: {}", e.getMessage());
        }
    }

    /** The URL workers connect to, e.g. {@code jdbc:h2:tcp://127.0.0.1:9092/tracker}. */
    public String jdbcUrl() {
        return "jdbc:h2:tcp://127.0.0.1:" + port() + "/" + DATABASE;
    }

    public int port() {
        return tcp.getPort();
    }

    /** The directory holding the database file and the artifact root. */
    public Path directory() {
        return directory;
    }

    /** The server's own tracking store over the served database (no heartbeats of its own). */
    public TrialStorage storage() {
        return tracker.storage();
    }

    /**
     * Stops accepting clients (disconnecting those connected) and closes the database. A reaping
     * round under way is let finish, never interrupted: an interrupt during file I/O would close the
     * served database file (see {@link DatabaseSettings#served}).
     */
    @Override
    public void close() {
        if (reaper != null) {
            reaper.shutdown();
            try {
                if (!reaper.awaitTermination(30, TimeUnit.SECONDS)) {
                    LOG.warn("A reaping round still runs after 30 s; closing the database anyway");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        tcp.stop();
        tracker.close();
    }
}
