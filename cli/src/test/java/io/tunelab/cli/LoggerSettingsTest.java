package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command's log settings ({@code simplelogger.properties}): warnings by default, and the lines a user must see at
 * info level (a warm start's use of the earlier study, {@code serve}'s switch to a new model version) from loggers
 * that name classes that exist, so that a rename does not silence them; the connection pool's own lines (HikariCP's
 * {@code HikariPool-1 - Starting...}) never show in a command's output.
 */
class LoggerSettingsTest {
    private static final String PREFIX = "org.slf4j.simpleLogger.log.";

    private static Properties settings() throws IOException {
        Properties p = new Properties();
        try (InputStream in = LoggerSettingsTest.class.getResourceAsStream("/simplelogger.properties")) {
            assertThat(in).as("simplelogger.properties on the command's class path").isNotNull();
            p.load(in);
        }
        return p;
    }

    @Test
    void theCommandLogsWarningsByDefaultAndTheWarmStartAndServesVersionSwitchAtInfo() throws IOException {
        Properties p = settings();
        assertThat(p.getProperty("org.slf4j.simpleLogger.defaultLogLevel")).isEqualTo("warn");
        assertThat(p.getProperty(PREFIX + "io.tunelab.search.sampler.WarmStartSampler")).isEqualTo("info");
        assertThat(p.getProperty(PREFIX + "io.tunelab.serving.HotSwappingModel")).isEqualTo("info");
    }

    @Test
    void noLineNamedByAnInternalClassShowsAtInfoWhereTheCommandSaysItInItsOwnWords() throws IOException {
        assertThat(settings().getProperty(PREFIX + "io.tunelab.trainers.data.DatasetRepository"))
                .as("which copy of a data set trains: tunelab run and demo print it (TrainerFactory.dataSource)").isNull();
    }

    @Test
    void everyTunelabLoggerItSetsNamesAClassThatExists() throws IOException {
        for (String key : settings().stringPropertyNames()) {
            if (key.startsWith(PREFIX + "io.tunelab.")) {
                String name = key.substring(PREFIX.length());
                assertThat(exists(name)).as("logger %s names a class", name).isTrue();
            }
        }
    }

    private static boolean exists(String className) {
        try {
            Class.forName(className, false, LoggerSettingsTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    @Test
    void aRunOnADatabaseShowsNoLineOfTheConnectionPool(@TempDir Path dir) throws Exception {
        Path study = Files.writeString(dir.resolve("s.yaml"), String.join("\n", "study: s", "direction: maximize",
                "metric: val_accuracy", "budget: {trials: 1}", "trainer: tribuo-cart",
                "data: {dataset: synthetic-classification, samples: 100}", "space: {max_depth: {int: [2, 4]}}", ""));
        Process p = TunelabProcess.builder(List.of(), "run", "--storage=" + dir.resolve("db"), study.toString()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("Study 's': 1 complete").doesNotContain("HikariPool").doesNotContain("com.zaxxer.hikari");
    }
}
