package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** What a worker warns of at start, and the connection pool's logs, quiet unless --debug. */
class WorkerWarningsTest {

    @Test
    void aWorkerOnASharedDatabaseWithLocalArtifactsIsWarnedNamingTheVariableAndTheDirectory() {
        assertThat(TrackerLocation.localArtifactsWarning("jdbc:postgresql://h/db?password=secret", null)).hasValueSatisfying(w ->
                assertThat(w).contains("TUNELAB_ARTIFACTS", Path.of(".tunelab", "artifacts").toAbsolutePath().toString())
                        .contains("password=***").doesNotContain("secret"));
        assertThat(TrackerLocation.localArtifactsWarning("jdbc:h2:tcp://h:9092/tracker", " ")).isPresent();
        assertThat(TrackerLocation.localArtifactsWarning("jdbc:h2:tcp://h:9092/tracker", "/shared/artifacts")).isEmpty();
        assertThat(TrackerLocation.localArtifactsWarning(".tunelab", null)).as("all on this machine").isEmpty();
    }

    @Test
    void thePoolLogsOnlyWithDebug() throws Exception {
        Properties logging = new Properties();
        try (var in = TunelabCommand.class.getResourceAsStream("/simplelogger.properties")) {
            logging.load(in);
        }
        assertThat(logging.getProperty(TunelabCommand.POOL_LOG_LEVEL)).isEqualTo("off");
        String before = System.getProperty(TunelabCommand.POOL_LOG_LEVEL);
        try {
            System.clearProperty(TunelabCommand.POOL_LOG_LEVEL);
            TunelabCommand.debugLogging(new String[] {"worker", "--study", "s"});
            assertThat(System.getProperty(TunelabCommand.POOL_LOG_LEVEL)).isNull();
            TunelabCommand.debugLogging(new String[] {"worker", "--debug", "--study", "s"});
            assertThat(System.getProperty(TunelabCommand.POOL_LOG_LEVEL)).isEqualTo("warn");
        } finally {
            if (before == null) {
                System.clearProperty(TunelabCommand.POOL_LOG_LEVEL);
            } else {
                System.setProperty(TunelabCommand.POOL_LOG_LEVEL, before);
            }
        }
    }
}
