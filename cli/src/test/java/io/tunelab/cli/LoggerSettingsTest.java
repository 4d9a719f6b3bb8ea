package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The command's log settings ({@code simplelogger.properties}): warnings by default, and the lines a user must see at
 * info level (a warm start's use of the earlier study, {@code serve}'s switch to a new model version) from loggers
 * that name classes that exist, so that a rename does not silence them.
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
}
