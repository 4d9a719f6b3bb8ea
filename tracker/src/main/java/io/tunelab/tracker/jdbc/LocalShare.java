package io.tunelab.tracker.jdbc;

import io.tunelab.tracker.config.DatabaseSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.h2.engine.SysProperties;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded database of a directory ({@link DatabaseSettings#embeddedUrl}), held open by one process, made reachable
 * by the other processes of this machine while the holder runs, as a SQLite file is: a study running in one terminal,
 * its trials listed and its dashboard shown from another, a second study or a promotion run beside it (they join
 * through {@link ShareOrFileDataSource}, which reads the file itself after the holder ends). H2 lets one process open a file
 * database; the holder therefore serves its open database over TCP on the loopback interface, under a random name that
 * it writes to {@code tracker.share} beside the file, readable by its owner only. H2 refuses every other name, so only
 * who may read that file connects, as the embedded database's own user (what {@code AUTO_SERVER} does, bound to
 * loopback and with the name in a private file). The holder deletes the file when it closes, or exits
 * without closing (SIGTERM).
 *
 * <p>The server listens on the loopback address ({@code h2.bindAddress}, which {@link #bindLoopback} sets before H2 is
 * first used, unless set already); where H2 was used before and binds to every address, it still accepts only clients
 * of this machine (no {@code -tcpAllowOthers}). Nothing is shared when the bind address is another one. Thread-safe.
 */
final class LocalShare implements AutoCloseable {
    /** The file beside {@code tracker.mv.db} that names the share. */
    static final String FILE = "tracker.share";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String URL_START = "jdbc:h2:tcp://" + LOOPBACK + ":";
    private static final String NAME_START = "share_";
    private static final Logger LOG = LoggerFactory.getLogger(LocalShare.class);

    private final Server tcp;
    private final Path file;
    private final String url;
    /** Removes the file when the process exits without closing the database (Ctrl-C, SIGTERM, System.exit). */
    private final Thread atExit;

    private LocalShare(Server tcp, Path file, String url) {
        this.tcp = tcp;
        this.file = file;
        this.url = url;
        this.atExit = new Thread(this::removeFile, "tunelab-share-exit");
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    /**
     * Makes H2 bind its servers to the loopback address, unless a bind address was set: call it before H2 is first used
     * in the process (it reads the property once).
     */
    static void bindLoopback() {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", LOOPBACK);
        }
    }

    /**
     * Serves the open database {@code settings} names to this machine's other processes, when it is the embedded
     * database of a directory; empty for any other database, when H2 binds to another single address, or when
     * the server or its file cannot be made (then nothing is shared, and the reason is logged at debug level).
     */
    static Optional<LocalShare> publish(DatabaseSettings settings) {
        Optional<Path> file = shareFile(settings);
        String bound = SysProperties.BIND_ADDRESS;
        if (file.isEmpty() || bound != null && !LOOPBACK.equals(bound)) {
            return Optional.empty();
        }
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String name = NAME_START + HexFormat.of().formatHex(secret);
        Server tcp = null;
        try {
            tcp = Server.createTcpServer("-tcpPort", "0", "-ifExists", "-tcpDaemon", "-key", name,
                    databaseName(settings.jdbcUrl())).start();
            String url = URL_START + tcp.getPort() + "/" + name;
            write(file.get(), url);
            return Optional.of(new LocalShare(tcp, file.get(), url));
        } catch (SQLException | IOException | UnsupportedOperationException e) {
            if (tcp != null) {
                tcp.stop();
            }
            LOG.debug("Not sharing {} with other processes: {}", file.get(), e.toString());
            return Optional.empty();
        }
    }

    /**
     * How to reach the embedded database {@code settings} names through the share of the process holding it, if a
     * share file is there: the share's URL with {@code settings}' user, password and outage tolerance. The holder may
     * have died without removing the file; connecting then fails.
     */
    static Optional<DatabaseSettings> find(DatabaseSettings settings) {
        return shareFile(settings).filter(Files::isRegularFile).flatMap(LocalShare::read)
                .map(url -> new DatabaseSettings(url, settings.user(), settings.password(),
                        DatabaseSettings.SERVER_POOL_SIZE, settings.outageTolerance(), settings.userSource()));
    }

    /** Whether {@code jdbcUrl} names the share of a process holding an embedded database (what {@link #find} returns). */
    static boolean isShare(String jdbcUrl) {
        return jdbcUrl.startsWith(URL_START) && jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).startsWith(NAME_START);
    }

    /** The share's JDBC URL. */
    String url() {
        return url;
    }

    /** Stops serving (disconnecting the processes connected) and removes the share file, if it is still this one's. */
    @Override
    public void close() {
        tcp.stop();
        removeFile();
        try {
            Runtime.getRuntime().removeShutdownHook(atExit);
        } catch (IllegalStateException exiting) {
            // closed by a shutdown hook: the JVM runs (or ran) atExit itself
        }
    }

    private void removeFile() {
        if (read(file).filter(url::equals).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.debug("Could not remove {}: {}", file, e.toString());
            }
        }
    }

    /** Whether {@code settings} name the embedded database of a directory, which its holder shares. */
    static boolean candidate(DatabaseSettings settings) {
        return shareFile(settings).isPresent();
    }

    /** {@code tracker.share} beside the file of a directory's embedded database ({@code jdbc:h2:retry:/dir/tracker}). */
    private static Optional<Path> shareFile(DatabaseSettings settings) {
        if (!settings.jdbcUrl().toLowerCase(Locale.ROOT).startsWith("jdbc:h2:retry:")) {
            return Optional.empty();
        }
        return settings.embeddedFile().map(f -> f.resolveSibling(FILE));
    }

    /** The database name of an H2 URL, as the holder opened it: {@code retry:/dir/tracker}. */
    private static String databaseName(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        return settings < 0 ? rest : rest.substring(0, settings);
    }

    /** Writes {@code url} to {@code file}, readable and writable by its owner only from the start, replacing any old one. */
    private static void write(Path file, String url) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), FILE, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, url + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Optional<String> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return lines.isEmpty() || !lines.get(0).startsWith("jdbc:h2:tcp://") ? Optional.empty()
                    : Optional.of(lines.get(0).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
