package io.tunelab.cli;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.EnvironmentVariable;
import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseCredentials;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the tracker is, from a {@code --storage} value: a directory holds an embedded database and
 * its {@code artifacts/}; a JDBC URL names a server (H2 TCP or PostgreSQL), whose artifacts go to
 * {@code $TUNELAB_ARTIFACTS} or {@code .tunelab/artifacts} (a directory every worker can reach).
 */
final class TrackerLocation {
    private TrackerLocation() {
    }

    static TrackerConfig config(String storage) {
        return config(StorageAccess.of(storage));
    }

    /**
     * How long a command that only reads ({@code studies}, {@code trials}, {@code best}, {@code compare}) waits for an
     * unreachable database, opening it or in a transaction: a person at a terminal wants a wrong address or a stopped
     * server reported at once, not after the two minutes a worker waits out a restart
     * ({@link DatabaseSettings#DEFAULT_OUTAGE_TOLERANCE}); a restart of a few seconds is still ridden out.
     */
    static final Duration READ_OUTAGE_TOLERANCE = Duration.ofSeconds(5);

    /**
     * As {@link #config(StorageAccess)}, for a command that only reads: waits {@link #READ_OUTAGE_TOLERANCE} for an
     * outage, and refuses a directory that holds no tracker database as {@link #existing} does.
     *
     * @throws CliException naming the directory when it holds no {@code tracker.mv.db}
     */
    static TrackerConfig forReading(StorageAccess access) {
        TrackerConfig config = existing(access);
        return config.withDatabase(config.database().withOutageTolerance(READ_OUTAGE_TOLERANCE));
    }

    /**
     * How long the dashboard waits for an unreachable database, in a transaction: its pages ask on behalf of a person
     * (and poll), so a stopped server is reported within seconds (a 503 the page shows as a banner while it keeps
     * trying) instead of after the two minutes a worker waits out a restart. A database that answers but whose pooled
     * connections are all in use (many slow pages at once) is busy, not unreachable: a request waits ten times as long
     * (30 s) for a free connection, and is then answered 503 busy, without the banner.
     */
    static final Duration DASHBOARD_OUTAGE_TOLERANCE = Duration.ofSeconds(3);

    /** As {@link #config(StorageAccess)} (creating an empty tracker if none is there), waiting {@link #DASHBOARD_OUTAGE_TOLERANCE}. */
    static TrackerConfig forDashboard(StorageAccess access) {
        TrackerConfig config = config(access);
        return config.withDatabase(config.database().withOutageTolerance(DASHBOARD_OUTAGE_TOLERANCE));
    }

    /**
     * As {@link #config(StorageAccess)}, for a command that works on what is already there (the read commands,
     * {@code models}, {@code promote}, {@code serve}, {@code export}): refuses a directory that holds no tracker
     * database instead of creating an empty one there (a mistyped {@code --storage} would otherwise list no studies or
     * models, as if they were lost, and leave a tracker behind). An embedded H2 URL ({@code jdbc:h2:./tracker}) whose
     * file does not exist is refused the same way; server URLs are taken as they are (a tracker server creates no
     * database for its clients).
     *
     * @throws CliException naming the directory when it holds no {@code tracker.mv.db}, or the URL and its missing file
     */
    static TrackerConfig existing(StorageAccess access) {
        TrackerConfig config = config(access);
        missingFile(access, config).ifPresent(file -> {
            if (access.url().startsWith("jdbc:")) {
                throw new CliException("--storage: no tracker at '" + DatabaseSettings.redacted(access.url()) + "' (" + file
                        + " does not exist); expected the URL of a tracker database a study ran with (jdbc:h2:tcp://HOST:PORT/NAME,"
                        + " jdbc:h2:/path/tracker, jdbc:postgresql://...)");
            }
            throw new CliException("--storage: no tracker in '" + access.url() + "' (no " + file.getFileName()
                    + " there); expected the directory a study ran with (`tunelab run` and `tunelab demo` write to"
                    + " .tunelab unless given --storage), or a jdbc:h2:... or jdbc:postgresql:... URL");
        });
        return config;
    }

    /**
     * Whether {@code access} names a directory or an embedded H2 file that holds no tracker database yet (opening it
     * creates one).
     */
    static boolean isMissing(StorageAccess access) {
        return !access.url().startsWith("memory:") && missingFile(access, config(access)).isPresent();
    }

    /**
     * The database file a directory or an embedded H2 URL of {@code access} names and that does not exist; empty for
     * server and in-memory URLs.
     */
    private static Optional<Path> missingFile(StorageAccess access, TrackerConfig config) {
        String url = access.url().toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:") && (!url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")
                || DatabaseSettings.isServer(url))) {
            return Optional.empty();
        }
        Optional<Path> named = config.database().embeddedFile();
        if (named.isEmpty() && url.startsWith("jdbc:h2:")) {
            // not an absolute, ./ or ~/ path (e.g. a mistyped jdbc:h2:tpc://...): opening it would create a file here
            String name = access.url().substring("jdbc:h2:".length()).split(";", 2)[0];
            try {
                named = Optional.of(Path.of(name + ".mv.db"));
            } catch (java.nio.file.InvalidPathException e) {
                named = Optional.of(Path.of("tracker.mv.db"));
            }
        }
        return named.filter(file -> !Files.isRegularFile(file));
    }

    /** The tracker {@code access} names, with its heartbeat (validated by {@code StorageOptions}) if it sets one. */
    static TrackerConfig config(StorageAccess access) {
        TrackerConfig config = location(access);
        if (access.heartbeatInterval() == null) {
            return config;
        }
        Duration grace = access.heartbeatGrace() == null ? config.storage().staleGrace() : access.heartbeatGrace();
        return config.withStorage(config.storage().withHeartbeat(access.heartbeatInterval(), grace));
    }

    /** Where models and files go for a JDBC URL when {@code $TUNELAB_ARTIFACTS} is not set. */
    static final Path DEFAULT_ARTIFACTS = Path.of(".tunelab", "artifacts");

    /**
     * The warning a worker prints when its database is a server other machines share but its artifact root is the local
     * default ({@code artifactsEnv}, the value of {@code $TUNELAB_ARTIFACTS}, is unset): the models it trains stay on
     * this machine, where {@code tunelab promote} or {@code serve} elsewhere cannot read them.
     */
    static Optional<String> localArtifactsWarning(String url, String artifactsEnv) {
        if (!DatabaseSettings.isServer(url) || artifactsEnv != null && !artifactsEnv.isBlank()) {
            return Optional.empty();
        }
        return Optional.of("warning: TUNELAB_ARTIFACTS is not set, so this worker keeps the models and files of its trials"
                + " in " + DEFAULT_ARTIFACTS.toAbsolutePath() + " on this machine, while their records go to the shared"
                + " database " + DatabaseSettings.redacted(url) + "; `tunelab promote` or `serve` on another machine"
                + " cannot read them. Set TUNELAB_ARTIFACTS to a directory every worker and reader shares.");
    }

    private static TrackerConfig location(StorageAccess access) {
        String storage = access.url();
        if (storage.startsWith("jdbc:")) {
            Path root = artifactRoot(EnvironmentVariable.read("TUNELAB_ARTIFACTS"));
            return new TrackerConfig(poolSize(credentials(DatabaseSettings.of(storage), access.passwordFile())), root,
                    StorageOptions.defaults());
        }
        if (!StorageUrlOption.isStorage(storage) || storage.startsWith("memory:")) {
            throw new CliException("--storage: expected " + StorageUrlOption.EXPECTED + ", got '" + storage + "'");
        }
        return TrackerConfig.inDirectory(Path.of(storage));
    }

    /**
     * {@code TUNELAB_DB_POOL_SIZE} (2 or more) bounds the connections this process holds; the default for
     * a server is {@value DatabaseSettings#SERVER_POOL_SIZE}, so that many workers fit under the server's
     * connection limit.
     */
    private static DatabaseSettings poolSize(DatabaseSettings settings) {
        EnvironmentVariable size = EnvironmentVariable.read("TUNELAB_DB_POOL_SIZE");
        if (!size.isSet()) {
            return settings;
        }
        try {
            return settings.withPoolSize(Integer.parseInt(size.value().trim()));
        } catch (NumberFormatException | TrackerException e) {
            throw size.invalid("a whole number of connections, 2 or more (one is the metric writer's)");
        }
    }

    /**
     * Where the trials' models and files go: {@code TUNELAB_ARTIFACTS}, else {@link #DEFAULT_ARTIFACTS}.
     *
     * @throws CliException naming the variable when it names a file, or no path at all
     */
    static Path artifactRoot(EnvironmentVariable artifacts) {
        if (!artifacts.isSet()) {
            return DEFAULT_ARTIFACTS;
        }
        String expected = "a directory for the trials' models and files (created when missing)";
        Path root;
        try {
            root = Path.of(artifacts.value());
        } catch (java.nio.file.InvalidPathException e) {
            throw artifacts.invalid(expected + "; " + e.getReason());
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw artifacts.invalid(expected + ", but it is a file");
        }
        return root;
    }

    /**
     * The credentials of {@link DatabaseCredentials} (the environment, or {@code passwordFile} from {@code --password-file}),
     * as the Java API's {@code TrackerConfig.forUrl} takes them.
     */
    private static DatabaseSettings credentials(DatabaseSettings settings, Path passwordFile) {
        try {
            return DatabaseCredentials.fromEnvironment(settings, passwordFile);
        } catch (TrackerException e) {
            throw new CliException((passwordFile != null ? "--password-file: " : "") + e.getMessage());
        }
    }
}
