package io.tunelab.tracker.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.TestTrackers;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseCredentials;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The tracker server lets in only clients with its generated password, and those only to the tables. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TrackerServerCredentialsTest {
    @TempDir
    Path tmp;

    private TrackerServer start(Path dir) {
        return TrackerServer.start(ServerOptions.loopback(dir).withReapEvery(null));
    }

    @Test
    void aConnectionWithoutThePasswordIsRefused() {
        try (TrackerServer server = start(tmp.resolve("srv"))) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "sa", "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), PasswordFile.STUDY_USER, "").close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("Wrong user name or password");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), PasswordFile.STUDY_USER, "guess")
                    .close()).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void forUrlReachesTheServerWithThePasswordFileTheEnvironmentNamesAsTheCliDoes() {
        try (TrackerServer server = start(tmp.resolve("srv"))) {
            Map<String, String> env = Map.of(DatabaseCredentials.PASSWORD_FILE, server.passwordFile().toString());
            TrackerConfig config = TrackerConfig.forUrl(server.jdbcUrl(), tmp.resolve("art"));
            try (Tracker tracker = Tracker.open(config.withDatabase(DatabaseCredentials.apply(
                    DatabaseSettings.of(server.jdbcUrl()), null, env::get)))) {
                TestTrackers.completeTrial(tracker.storage(), "from-java", 1.0);
            }
            assertThat(server.storage().findStudy("from-java")).isPresent();
        }
    }

    @Test
    void forUrlTakesTheUserAndPasswordAnH2UrlNames() {
        try (TrackerServer server = start(tmp.resolve("srv"));
             Tracker tracker = Tracker.open(TrackerConfig.forUrl(server.jdbcUrl() + ";USER=" + PasswordFile.STUDY_USER
                     + ";PASSWORD=" + server.clientSettings().password(), tmp.resolve("art")))) {
            TestTrackers.completeTrial(tracker.storage(), "in-url", 1.0);
            assertThat(server.storage().findStudy("in-url")).isPresent();
        }
    }

    @Test
    void aRefusedPasswordSaysHowToGiveCredentialsWithoutH2ErrorCodes() {
        try (TrackerServer server = start(tmp.resolve("srv"))) {
            TrackerConfig wrongPassword = TrackerConfig.forUrl(server.jdbcUrl(), tmp.resolve("art"))
                    .withDatabase(DatabaseSettings.of(server.jdbcUrl()).withCredentials(PasswordFile.STUDY_USER, "not-the-password"));
            assertThatThrownBy(() -> Tracker.open(wrongPassword).close())
                    .isInstanceOf(TrackerException.class)
                    .hasMessageContaining("refused the user 'TUNELAB'")
                    .hasMessageContaining("TUNELAB_DB_PASSWORD_FILE").hasMessageContaining("withCredentials")
                    .hasMessageNotContaining("28000");
        }
    }

    @Test
    void aUserLeftInTheEnvironmentFromAPostgresqlShellDoesNotOverrideTheUserOfTheServersPasswordFile() {
        try (TrackerServer server = start(tmp.resolve("srv"))) {
            Map<String, String> env = Map.of(DatabaseCredentials.USER, "postgres", DatabaseCredentials.PASSWORD, "stale");
            DatabaseSettings settings = DatabaseCredentials.apply(DatabaseSettings.of(server.jdbcUrl()), server.passwordFile(),
                    env::get);

            assertThat(settings.user()).isEqualTo(PasswordFile.STUDY_USER);
            assertThat(settings.userSource()).isEqualTo("from the password file " + server.passwordFile());
            try (Tracker tracker = Tracker.open(TrackerConfig.forUrl(server.jdbcUrl(), tmp.resolve("art")).withDatabase(settings))) {
                TestTrackers.completeTrial(tracker.storage(), "flag-wins", 1.0);
            }
        }
    }

    @Test
    void aUserTheServerRefusesIsNamedWithWhereItCameFrom() {
        try (TrackerServer server = start(tmp.resolve("srv"))) {
            Map<String, String> env = Map.of(DatabaseCredentials.USER, "postgres", DatabaseCredentials.PASSWORD, "pw");
            DatabaseSettings settings = DatabaseCredentials.apply(DatabaseSettings.of(server.jdbcUrl()), null, env::get);

            assertThatThrownBy(() -> Tracker.open(TrackerConfig.forUrl(server.jdbcUrl(), tmp.resolve("art"))
                    .withDatabase(settings)).close())
                    .isInstanceOf(TrackerException.class)
                    .hasMessageContaining("refused the user 'postgres' (from TUNELAB_DB_USER) (wrong user name or password)");
        }
    }

    @Test
    void forUrlConnectsToPostgresqlAsTheUserOfTheEnvironmentOrPostgres() {
        String url = "jdbc:postgresql://127.0.0.1:5432/tunelab";
        assertThat(DatabaseCredentials.apply(DatabaseSettings.of(url), null, name -> null).user()).isEqualTo("postgres");
        Map<String, String> env = Map.of(DatabaseCredentials.USER, "ml", DatabaseCredentials.PASSWORD, "pw");
        DatabaseSettings settings = DatabaseCredentials.apply(DatabaseSettings.of(url), null, env::get);
        assertThat(settings.user()).isEqualTo("ml");
        assertThat(settings.password()).isEqualTo("pw");
    }

    @Test
    void thePasswordFilesAreRandomAndTheyAndTheDatabaseFileAreReadableByTheirOwnerOnly() throws Exception {
        try (TrackerServer a = start(tmp.resolve("a")); TrackerServer b = start(tmp.resolve("b"))) {
            for (Path dir : new Path[] {tmp.resolve("a"), tmp.resolve("b")}) {
                for (String name : new String[] {PasswordFile.ADMIN_FILE, PasswordFile.STUDY_FILE, "tracker.mv.db"}) {
                    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                            .as(name).isEqualTo("rw-------");
                }
            }
            assertThat(a.clientSettings().password()).hasSizeGreaterThanOrEqualTo(32)
                    .isNotEqualTo(b.clientSettings().password())
                    .isNotEqualTo(PasswordFile.read(tmp.resolve("a").resolve(PasswordFile.ADMIN_FILE)));
        }
    }

    @Test
    void studyWorkersWithThePasswordRunTheirTrials() {
        try (TrackerServer server = start(tmp.resolve("srv"));
             TrialStorage storage = Tracker.openStorage(new TrackerConfig(server.clientSettings(), tmp.resolve("art"),
                     StorageOptions.defaults().withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(5))))) {
            Study study = Study.builder("s").storage(storage).seed(3).sampler(RandomSampler::new).createOrLoad();
            study.optimize(t -> t.suggestFloat("x", -1, 1), OptimizeOptions.trials(5));
            long id = server.storage().findStudy("s").orElseThrow().id();
            assertThat(server.storage().trials(id, EnumSet.allOf(TrialState.class)))
                    .hasSize(5).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        }
    }

    @Test
    void theStudyUserCanNeitherDefineJavaFunctionsNorChangeTheSchemaNorUsers() throws Exception {
        try (TrackerServer server = start(tmp.resolve("srv"));
             Connection c = DriverManager.getConnection(server.jdbcUrl(), PasswordFile.STUDY_USER,
                     server.clientSettings().password());
             Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("CREATE ALIAS EXEC AS 'String e(String c) throws Exception {"
                    + " return new String(Runtime.getRuntime().exec(c).getInputStream().readAllBytes()); }'"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE TABLE EVIL(ID INT)")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("DROP TABLE STUDIES")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("CREATE USER EVE PASSWORD 'x' ADMIN")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.execute("ALTER USER SA SET PASSWORD 'x'")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void aDatabaseMadeBeforePasswordsGetsThemAndStaysUsableEmbeddedAfterTheServerStops() {
        Path dir = tmp.resolve("old");
        try (Tracker old = TestTrackers.open(dir)) {
            TestTrackers.completeTrial(old.storage(), "kept", 1.0);
        }
        try (TrackerServer server = start(dir)) {
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "sa", "").close())
                    .isInstanceOf(SQLException.class);
            try (TrialStorage client = Tracker.openStorage(new TrackerConfig(server.clientSettings(), tmp.resolve("art"),
                    StorageOptions.defaults().withoutHeartbeat()))) {
                assertThat(client.findStudy("kept")).isPresent();
            }
        }
        try (Tracker again = TestTrackers.open(dir)) {
            assertThat(again.storage().findStudy("kept")).isPresent();
        }
        try (TrackerServer restarted = start(dir)) {
            assertThat(restarted.storage().findStudy("kept")).isPresent();
        }
    }

    @Test
    void otherMachinesAreRefusedWithoutTlsUnlessInsecureIsExplicit() {
        assertThatThrownBy(() -> new ServerOptions(tmp, 0, true, null))
                .isInstanceOf(TrackerException.class).hasMessageContaining("TLS").hasMessageContaining("--insecure");
        assertThat(new ServerOptions(tmp, 0, true, null, false, true).insecure()).isTrue();
        assertThat(new ServerOptions(tmp, 0, true, null, true, false).tls()).isTrue();
    }
}
