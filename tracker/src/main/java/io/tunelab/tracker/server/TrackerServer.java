package io.tunelab.tracker.server;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.jdbc.JdbcTracker;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
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
 *   <li>Nobody connects without a password. On first start the server writes a random administrator
 *       password ({@value PasswordFile#ADMIN_FILE}) and a random password for the study user
 *       {@value PasswordFile#STUDY_USER} ({@value PasswordFile#STUDY_FILE}) into its directory, readable by
 *       their owner only, and sets them in the database (a database made before, with H2's empty
 *       {@code sa} password, gets them too). Clients connect as the study user, which may read and write
 *       the tables of schema PUBLIC and nothing else: no DDL, no users, no Java aliases.</li>
 *   <li>Others may connect only over TLS or when {@link ServerOptions#insecure()} says so.</li>
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
    private final boolean tls;

    private TrackerServer(Server tcp, JdbcTracker tracker, ScheduledExecutorService reaper, Path directory, boolean tls) {
        this.tcp = tcp;
        this.tracker = tracker;
        this.reaper = reaper;
        this.directory = directory;
        this.tls = tls;
    }

    /**
     * Opens the database in the options' directory and starts serving it. UNAVAILABLE, with the bind failure as
     * its cause, if the port is taken: checked before anything is written, so a busy port leaves the directory as
     * it was. A start failing later removes the files it created (and the directory, if it made it).
     */
    public static TrackerServer start(ServerOptions options) {
        if (!options.allowOthers() && System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        if (options.allowOthers() && !options.tls()) {
            LOG.warn("INSECURE: clients on other machines connect without TLS; passwords and data cross the network"
                    + " in the clear");
        }
        requireFreePort(options);
        Path dir = options.directory().toAbsolutePath().normalize();
        CreatedFiles created = CreatedFiles.snapshot(dir);
        try {
            return open(options, dir);
        } catch (RuntimeException | Error e) {
            created.removeCreated();
            throw e;
        }
    }

    /** Binds the port and releases it, so a taken port is found before a database or password is made. */
    private static void requireFreePort(ServerOptions options) {
        if (options.port() == 0) {
            return;
        }
        String host = options.allowOthers() ? "0.0.0.0" : System.getProperty("h2.bindAddress", "127.0.0.1");
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(host, options.port()));
        } catch (IOException e) {
            throw TrackerException.unavailable("cannot start the tracker server on " + host + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
    }

    private static TrackerServer open(ServerOptions options, Path dir) {
        DatabaseSettings admin = secure(dir, new SecureRandom());
        // The server's own store sends no heartbeats and records no provenance: it runs no trials.
        JdbcTracker tracker = JdbcTracker.open(admin, dir.resolve("artifacts"),
                StorageOptions.defaults().withoutHeartbeat().withProvenance(false));
        writeEveryCommit(admin, tracker);
        List<String> args = new ArrayList<>(List.of("-tcpPort", String.valueOf(options.port()),
                "-baseDir", dir.toString(), "-ifExists", "-tcpDaemon"));
        if (options.allowOthers()) {
            args.add("-tcpAllowOthers");
        }
        if (options.tls()) {
            args.add("-tcpSSL");
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
        TrackerServer server = new TrackerServer(tcp, tracker, reaper, dir, options.tls());
        LOG.info("Tracker server for {} listening at {}", dir, server.jdbcUrl());
        return server;
    }

    /**
     * Makes sure the database in {@code dir} has the passwords of the files there (writing the files
     * first if missing) and a study user with table rights only; returns the administrator's settings.
     */
    private static DatabaseSettings secure(Path dir, SecureRandom random) {
        Path adminFile = dir.resolve(PasswordFile.ADMIN_FILE);
        boolean legacy = Files.exists(dir.resolve(DATABASE + ".mv.db")) && !Files.exists(adminFile);
        String adminPassword = PasswordFile.createIfAbsent(adminFile, random);
        String studyPassword = PasswordFile.createIfAbsent(dir.resolve(PasswordFile.STUDY_FILE), random);
        DatabaseSettings admin = DatabaseSettings.served(dir).withCredentials(PasswordFile.ADMIN_USER, adminPassword);
        // Before this server generated passwords, databases had H2's default administrator without one.
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), legacy ? "" : adminPassword);
             Statement s = c.createStatement()) {
            s.execute("ALTER USER " + PasswordFile.ADMIN_USER + " SET PASSWORD " + literal(adminPassword));
            s.execute("CREATE USER IF NOT EXISTS " + PasswordFile.STUDY_USER + " PASSWORD " + literal(studyPassword));
            s.execute("ALTER USER " + PasswordFile.STUDY_USER + " SET PASSWORD " + literal(studyPassword));
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + PasswordFile.STUDY_USER);
        } catch (SQLException e) {
            throw TrackerException.invalid("cannot open the tracker database in " + dir + " as its administrator with the"
                    + " password in " + adminFile + ": " + e.getMessage());
        }
        ownerOnly(dir.resolve(DATABASE + ".mv.db"));
        return admin;
    }

    /** Makes the database file readable by its owner only, as the password files are: it holds every study. */
    private static void ownerOnly(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw TrackerException.invalid("cannot make the database file " + file + " readable by its owner only: " + e);
        }
    }

    /** Clients may not CHECKPOINT (an administrator's statement): the open database writes every commit itself. */
    private static void writeEveryCommit(DatabaseSettings admin, JdbcTracker tracker) {
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password());
             Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY 0");
        } catch (SQLException e) {
            tracker.close();
            throw TrackerException.unavailable("cannot make the tracker database write every commit: " + e.getMessage(), e);
        }
    }

    private static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    private static void reapAll(JdbcTracker tracker) {
        try {
            tracker.reapStaleTrials();
        } catch (RuntimeException e) {
            LOG.warn("Reaping stale trials failed; retrying next round: {}", e.getMessage());
        }
    }

    /** The URL workers connect to, e.g. {@code jdbc:h2:tcp://127.0.0.1:9092/tracker} ({@code jdbc:h2:ssl:} with TLS). */
    public String jdbcUrl() {
        return "jdbc:h2:" + (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** The study user's password file clients read ({@code --password-file}). */
    public Path passwordFile() {
        return directory.resolve(PasswordFile.STUDY_FILE);
    }

    /** How a study worker connects: {@link #jdbcUrl()} as the study user. */
    public DatabaseSettings clientSettings() {
        return DatabaseSettings.of(jdbcUrl()).withCredentials(PasswordFile.STUDY_USER, PasswordFile.read(passwordFile()));
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
