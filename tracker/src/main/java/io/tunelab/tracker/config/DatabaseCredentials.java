package io.tunelab.tracker.config;

import io.tunelab.tracker.TrackerException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user and password a client connects to a tracker database with, taken from the environment: the one lookup of
 * the CLI and of {@code TrackerConfig.forUrl}, so a URL that works on the command line works from Java.
 * <ul>
 *   <li>PostgreSQL: {@code $TUNELAB_DB_USER} (default {@code postgres}) with {@code $TUNELAB_DB_PASSWORD} (default none).</li>
 *   <li>A tracker server ({@code jdbc:h2:tcp:}, {@code jdbc:h2:ssl:}): the password in the given password file
 *       ({@code --password-file}), else {@code $TUNELAB_DB_PASSWORD}, else the password in {@code
 *       $TUNELAB_DB_PASSWORD_FILE}, else in {@code .tunelab/tracker.password} of the working directory (where
 *       {@code tunelab server} writes it by default). With none of them the password is empty, and the server refuses
 *       the connection saying how to give one. The user goes with the password: a password file {@code tunelab server}
 *       wrote names its user by its name ({@value PasswordFile#STUDY_FILE} the study user {@value
 *       PasswordFile#STUDY_USER}, {@value PasswordFile#ADMIN_FILE} {@value PasswordFile#ADMIN_USER}), so a
 *       {@code $TUNELAB_DB_USER} left over from a PostgreSQL shell does not override it; otherwise
 *       {@code $TUNELAB_DB_USER}, else the study user.</li>
 *   <li>An embedded database: {@code $TUNELAB_DB_USER} / {@code $TUNELAB_DB_PASSWORD} when set, else as given.</li>
 * </ul>
 * A user or password the URL itself names (H2's {@code ;USER=…;PASSWORD=…}) is kept, before all else: H2 refuses a URL
 * whose user differs from the connection's. The settings say where their user came from ({@link
 * DatabaseSettings#userSource}), so a refused login names it.
 */
public final class DatabaseCredentials {
    /** The variable naming the database user. */
    public static final String USER = "TUNELAB_DB_USER";
    /** The variable holding the database password. */
    public static final String PASSWORD = "TUNELAB_DB_PASSWORD";
    /** The variable naming a file that holds a tracker server's study password. */
    public static final String PASSWORD_FILE = "TUNELAB_DB_PASSWORD_FILE";
    /** Where {@code tunelab server} writes its study password when it serves {@code .tunelab/}. */
    public static final Path DEFAULT_PASSWORD_FILE = Path.of(".tunelab", PasswordFile.STUDY_FILE);
    /** How to give credentials, for messages about a refused connection. */
    public static final String HOW_TO_GIVE = "give the user in $" + USER + " and the password in $" + PASSWORD
            + " (a tracker server's study user is " + PasswordFile.STUDY_USER + ", its password in the file "
            + PasswordFile.STUDY_FILE + " in the server's directory: name it with $" + PASSWORD_FILE
            + " or the CLI's --password-file), or from Java with DatabaseSettings.withCredentials(user, password)";

    private static final String EXPECTED_FILE = "the file `tunelab server` wrote in its directory";

    private DatabaseCredentials() {
    }

    /** {@link #apply(DatabaseSettings, Path, UnaryOperator)} with this process's environment. */
    public static DatabaseSettings fromEnvironment(DatabaseSettings settings, Path passwordFile) {
        return apply(settings, passwordFile, System::getenv);
    }

    /**
     * {@code settings} with the credentials the environment {@code env} (variable name to value, null when unset) gives.
     *
     * @param passwordFile a tracker server's password file given explicitly, or null
     * @throws TrackerException INVALID naming the file or variable when a password file named there cannot be read
     */
    public static DatabaseSettings apply(DatabaseSettings settings, Path passwordFile, UnaryOperator<String> env) {
        String user = set(env.apply(USER));
        String password = env.apply(PASSWORD);
        String url = settings.jdbcUrl();
        Optional<String> urlUser = h2Setting(url, "USER");
        Optional<String> urlPassword = h2Setting(url, "PASSWORD");
        if (settings.isPostgresql()) {
            return user == null ? settings.withCredentials("postgres", password == null ? "" : password, "the default user")
                    : settings.withCredentials(user, password == null ? "" : password, "from " + USER);
        }
        if (!DatabaseSettings.isServer(url)) {
            return user == null || urlUser.isPresent() ? settings
                    : settings.withCredentials(user, password == null ? "" : password, "from " + USER);
        }
        Secret secret = urlPassword.map(p -> new Secret(p, null))
                .orElseGet(() -> passwordFile == null && password != null ? new Secret(password, null)
                        : serverPassword(passwordFile, env));
        if (urlUser.isPresent()) {
            return settings.withCredentials(urlUser.get(), secret.password(), "from the URL's USER setting");
        }
        Optional<String> fileUser = Optional.ofNullable(secret.file()).flatMap(DatabaseCredentials::userOf);
        if (fileUser.isPresent()) {
            return settings.withCredentials(fileUser.get(), secret.password(), "from the password file " + secret.file());
        }
        return user == null ? settings.withCredentials(PasswordFile.STUDY_USER, secret.password(), "the default user")
                : settings.withCredentials(user, secret.password(), "from " + USER);
    }

    /** A password, and the file it was read from (null when not from a file). */
    private record Secret(String password, Path file) {
    }

    /** The user a password file {@code tunelab server} wrote belongs to, known by the file's name. */
    private static Optional<String> userOf(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return Optional.empty();
        }
        return switch (name.toString()) {
            case PasswordFile.STUDY_FILE -> Optional.of(PasswordFile.STUDY_USER);
            case PasswordFile.ADMIN_FILE -> Optional.of(PasswordFile.ADMIN_USER);
            default -> Optional.empty();
        };
    }

    private static Secret serverPassword(Path passwordFile, UnaryOperator<String> env) {
        String orSet = " (or set $" + PASSWORD + ")";
        if (passwordFile != null) {
            if (!Files.exists(passwordFile)) {
                throw TrackerException.invalid("the tracker server's password file " + passwordFile + " does not exist; expected "
                        + EXPECTED_FILE + orSet);
            }
            return new Secret(PasswordFile.read(passwordFile), passwordFile);
        }
        String fromEnv = set(env.apply(PASSWORD_FILE));
        if (fromEnv == null) {
            return Files.exists(DEFAULT_PASSWORD_FILE) ? new Secret(PasswordFile.read(DEFAULT_PASSWORD_FILE), DEFAULT_PASSWORD_FILE)
                    : new Secret("", null);
        }
        String named = PASSWORD_FILE + "=" + fromEnv + ": expected " + EXPECTED_FILE;
        if (!Files.exists(Path.of(fromEnv))) {
            throw TrackerException.invalid(named + ", but no such file exists" + orSet);
        }
        try {
            return new Secret(PasswordFile.read(Path.of(fromEnv)), Path.of(fromEnv));
        } catch (TrackerException e) {
            throw TrackerException.invalid(named + ", but " + e.getMessage());
        }
    }

    /** The value of an H2 URL setting {@code ;NAME=value}, if the URL sets it. */
    private static Optional<String> h2Setting(String url, String name) {
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
            return Optional.empty();
        }
        Matcher m = Pattern.compile("(?i);" + name + "=([^;]*)").matcher(url);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String set(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
