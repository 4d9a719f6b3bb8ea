package io.tunelab.tracker.config;

import io.tunelab.tracker.TrackerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How to reach a tracker database.
 *
 * @param jdbcUrl         {@code jdbc:h2:retry:…} or {@code jdbc:h2:file:…}, {@code jdbc:h2:tcp://…} or {@code jdbc:postgresql://…};
 *                        an embedded H2 file database gets {@code MAX_COMPACT_TIME=0} and {@code TRACE_LEVEL_FILE=0}
 *                        unless the URL sets them (see
 *                        {@link #withoutCompactionOnClose})
 * @param user            database user
 * @param password        database password (empty for the embedded default)
 * @param maxPoolSize     connections this process may hold at most, 2 or more (bounded so many workers do
 *                        not exhaust a server: 50 workers with a pool of 3 hold at most 150 connections)
 * @param outageTolerance how long one transaction keeps retrying while the database is unreachable
 *                        (refused connections, a server shutting down or restarting) before it fails
 *                        with UNAVAILABLE; positive
 * @param userSource      where {@code user} came from, for a refused login's message ({@code from TUNELAB_DB_USER},
 *                        {@code from the password file srv/tracker.password}, {@code the default user}), or empty
 *                        when the caller gave it
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize,
                               Duration outageTolerance, String userSource) {
    /** Pool size for a database server (PostgreSQL, H2 TCP): a trial thread, the metric writer, heartbeats. */
    public static final int SERVER_POOL_SIZE = 3;
    /** Pool size for the embedded database, which only this process uses. */
    public static final int EMBEDDED_POOL_SIZE = 8;
    /** Default {@link #outageTolerance}: a database restart or fail-over takes less. */
    public static final Duration DEFAULT_OUTAGE_TOLERANCE = Duration.ofMinutes(2);
    /** The URL setting that turns H2's compaction on close off (see {@link #withoutCompactionOnClose}). */
    static final String NO_CLOSE_COMPACTION = ";MAX_COMPACT_TIME=0";
    /** The URL setting that keeps H2 from writing a trace file (see {@link #withoutCompactionOnClose}). */
    static final String NO_TRACE_FILE = ";TRACE_LEVEL_FILE=0";
    /** The URL setting that opens an embedded H2 file database for reading only (see {@link #readOnly}). */
    static final String READ_ONLY = ";ACCESS_MODE_DATA=r";

    public DatabaseSettings {
        if (!isPostgresql(jdbcUrl) && !startsWith(jdbcUrl, "jdbc:h2:")) {
            throw TrackerException.invalid("storage URL must start with jdbc:h2: or jdbc:postgresql:, got '" + redacted(jdbcUrl)
                    + "'" + jdbcForm(jdbcUrl).map(url -> "; did you mean '" + redacted(url) + "'?").orElse(""));
        }
        if (maxPoolSize < 2) {
            throw TrackerException.invalid("maxPoolSize must be at least 2 (one for the metric writer), got "
                    + maxPoolSize);
        }
        if (outageTolerance == null || outageTolerance.isNegative() || outageTolerance.isZero()) {
            throw TrackerException.invalid("outageTolerance must be positive, got " + outageTolerance);
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        userSource = userSource == null ? "" : userSource;
        jdbcUrl = withoutCompactionOnClose(jdbcUrl);
    }

    /** Settings whose user the caller gave. */
    public DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize, Duration outageTolerance) {
        this(jdbcUrl, user, password, maxPoolSize, outageTolerance, "");
    }

    /** Settings with the default outage tolerance. */
    public DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
        this(jdbcUrl, user, password, maxPoolSize, DEFAULT_OUTAGE_TOLERANCE);
    }

    /**
     * A JDBC URL with the default user, a pool of {@value #EMBEDDED_POOL_SIZE} for an embedded database
     * and of {@value #SERVER_POOL_SIZE} for a server shared by many workers.
     */
    public static DatabaseSettings of(String jdbcUrl) {
        return new DatabaseSettings(jdbcUrl, "sa", "", isServer(jdbcUrl) ? SERVER_POOL_SIZE : EMBEDDED_POOL_SIZE);
    }

    /**
     * The URL as it may be printed: the value of a {@code password=} parameter and the password of a
     * {@code //user:password@host} part replaced by {@code ***}.
     */
    public static String redacted(String jdbcUrl) {
        if (jdbcUrl == null) {
            return null;
        }
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@?&;]+:)[^@/?&;]*@", "$1***@");
    }

    /** Whether the URL names a database server that other processes share (PostgreSQL, H2 TCP). */
    public static boolean isServer(String jdbcUrl) {
        return isPostgresql(jdbcUrl) || startsWith(jdbcUrl, "jdbc:h2:tcp:") || startsWith(jdbcUrl, "jdbc:h2:ssl:");
    }

    /** Whether this names a PostgreSQL database (else an H2 one). */
    public boolean isPostgresql() {
        return isPostgresql(jdbcUrl);
    }

    /**
     * {@code url} with {@value #NO_CLOSE_COMPACTION} when it names an embedded H2 file database and does not set
     * {@code MAX_COMPACT_TIME} itself; other URLs as they are. H2 2.3.232 compacts the file when the database closes
     * (for up to 200 ms) after its last commit, and a chunk that compaction moves can lose committed rows: a
     * resumed study's tracker once lost a trial and its metric series between two opens of the file that only
     * read (H2 issue 4247, fixed in H2 2.4.240). Without compaction on close the file is reclaimed while open,
     * by H2's background housekeeping, which commits what it moves.
     * Such a URL also gets {@value #NO_TRACE_FILE} unless it sets {@code TRACE_LEVEL_FILE} itself: H2 would otherwise
     * write a {@code tracker.trace.db} beside the database on its first start, tracing the "table not found" that
     * Flyway's first look for its history table expects; Tunelab reports database errors itself.
     */
    static String withoutCompactionOnClose(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        boolean embeddedFile = lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:h2:mem:")
                && !lower.startsWith("jdbc:h2:tcp:") && !lower.startsWith("jdbc:h2:ssl:");
        if (!embeddedFile) {
            return url;
        }
        return url + (lower.contains(";max_compact_time=") ? "" : NO_CLOSE_COMPACTION)
                + (lower.contains(";trace_level_file=") ? "" : NO_TRACE_FILE);
    }

    /**
     * These settings opening the same embedded H2 file database for reading only ({@code ACCESS_MODE_DATA=r}): H2
     * then writes nothing to the file, not even when it closes. Empty for servers, in-memory databases, URLs that
     * set an access mode, and files that do not exist yet (a read-only open cannot create them).
     */
    public Optional<DatabaseSettings> readOnly() {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (isServer(jdbcUrl) || lower.startsWith("jdbc:h2:mem:") || lower.contains(";access_mode_data=")) {
            return Optional.empty();
        }
        return embeddedFile().filter(Files::isRegularFile)
                .map(f -> new DatabaseSettings(jdbcUrl + READ_ONLY, user, password, maxPoolSize, outageTolerance,
                        userSource));
    }

    /**
     * The {@code .mv.db} file an embedded H2 URL names, when its path is absolute, {@code ./} or {@code ~/} (as
     * {@link #embedded(Path)} writes it); empty for other URLs.
     */
    public Optional<Path> embeddedFile() {
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        for (String fileSystem : List.of("retry:", "file:", "nio:")) {
            if (name.startsWith(fileSystem)) {
                name = name.substring(fileSystem.length());
            }
        }
        Path base;
        if (name.startsWith("~/")) {
            base = Path.of(System.getProperty("user.home"), name.substring(2));
        } else if (name.startsWith("/") || name.startsWith("./")) {
            base = Path.of(name);
        } else {
            return Optional.empty();
        }
        return Optional.of(base.resolveSibling(base.getFileName() + ".mv.db"));
    }

    /** The JDBC URL a PostgreSQL connection URI ({@code postgres://…}, {@code postgresql://…}) means, if it is one. */
    private static Optional<String> jdbcForm(String url) {
        for (String scheme : List.of("postgres://", "postgresql://")) {
            if (startsWith(url, scheme)) {
                return Optional.of("jdbc:postgresql://" + url.substring(scheme.length()));
            }
        }
        return Optional.empty();
    }

    private static boolean isPostgresql(String jdbcUrl) {
        return startsWith(jdbcUrl, "jdbc:postgresql:");
    }

    private static boolean startsWith(String jdbcUrl, String prefix) {
        return jdbcUrl != null && jdbcUrl.toLowerCase(Locale.ROOT).startsWith(prefix);
    }

    /** The embedded H2 database file {@code tracker.mv.db} in {@code directory}. */
    public static DatabaseSettings embedded(Path directory) {
        return of(embeddedUrl(directory));
    }

    /**
     * The URL of the embedded file database in {@code directory}. {@code DB_CLOSE_ON_EXIT=FALSE}
     * lets the tracker flush buffered metrics in its own shutdown hook before the database closes.
     * The file is reached through H2's {@code retry:} file system: with plain file channels, a thread
     * interrupted during a read or write (a cancelled future, an executor shut down, Ctrl-C) closes
     * the database file for every thread of the process, and what was not yet written is lost;
     * {@code retry:} reopens the file and repeats the operation. The interrupted thread's interrupt
     * is consumed by that retry. ({@code async:} keeps the interrupt but made cold reads of a
     * 100,000-trial study about 60% slower.) The file is the same {@code tracker.mv.db}, so databases
     * made with {@code jdbc:h2:file:} open as they are.
     */
    public static String embeddedUrl(Path directory) {
        return h2Url("retry:", directory);
    }

    /**
     * The embedded database of {@code directory} under the name an H2 TCP server with that base
     * directory gives it ({@code jdbc:h2:file:}), so that a process serving the file shares one open
     * database with its clients. Such a process must not interrupt threads that use the database.
     */
    public static DatabaseSettings served(Path directory) {
        return of(h2Url("file:", directory));
    }

    private static String h2Url(String fileSystem, Path directory) {
        return "jdbc:h2:" + fileSystem + directory.toAbsolutePath().normalize().resolve("tracker") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public DatabaseSettings withPoolSize(int size) {
        return new DatabaseSettings(jdbcUrl, user, password, size, outageTolerance, userSource);
    }

    /** These settings with the user and password the caller gives. */
    public DatabaseSettings withCredentials(String newUser, String newPassword) {
        return withCredentials(newUser, newPassword, "");
    }

    /** These settings with {@code newUser}, which came from {@code source} ({@link #userSource}), and {@code newPassword}. */
    public DatabaseSettings withCredentials(String newUser, String newPassword, String source) {
        return new DatabaseSettings(jdbcUrl, newUser, newPassword, maxPoolSize, outageTolerance, source);
    }

    public DatabaseSettings withOutageTolerance(Duration tolerance) {
        return new DatabaseSettings(jdbcUrl, user, password, maxPoolSize, tolerance, userSource);
    }
}
