package io.tunelab.tracker.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.tracker.TrackerException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded H2 databases are opened without compaction on close (H2 2.3.232's compaction on close lost a committed
 * trial of a resumed study between two opens that only read); server URLs are passed on as they are.
 */
class DatabaseSettingsTest {
    @Test
    void theTrackersEmbeddedDatabaseIsOpenedWithoutCompactionOnClose() {
        assertThat(DatabaseSettings.embedded(Path.of("/data/.tunelab")).jdbcUrl())
                .isEqualTo("jdbc:h2:retry:/data/.tunelab/tracker;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=0");
        assertThat(DatabaseSettings.served(Path.of("/data/.tunelab")).jdbcUrl())
                .isEqualTo("jdbc:h2:file:/data/.tunelab/tracker;DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=0");
    }

    @Test
    void aUsersEmbeddedUrlGetsTheSettingsUnlessItSetsThemItself() {
        assertThat(DatabaseSettings.of("jdbc:h2:file:/data/t").jdbcUrl())
                .isEqualTo("jdbc:h2:file:/data/t;MAX_COMPACT_TIME=0;TRACE_LEVEL_FILE=0");
        assertThat(DatabaseSettings.of("jdbc:h2:./t;max_compact_time=50").jdbcUrl())
                .isEqualTo("jdbc:h2:./t;max_compact_time=50;TRACE_LEVEL_FILE=0");
        assertThat(DatabaseSettings.of("jdbc:h2:./t;TRACE_LEVEL_FILE=3").jdbcUrl())
                .isEqualTo("jdbc:h2:./t;TRACE_LEVEL_FILE=3;MAX_COMPACT_TIME=0");
    }

    @Test
    void serverAndInMemoryUrlsAreLeftAsTheyAre() {
        assertThat(DatabaseSettings.of("jdbc:h2:tcp://127.0.0.1:9092/tracker").jdbcUrl())
                .isEqualTo("jdbc:h2:tcp://127.0.0.1:9092/tracker");
        assertThat(DatabaseSettings.of("jdbc:h2:ssl://127.0.0.1:9092/tracker").jdbcUrl())
                .isEqualTo("jdbc:h2:ssl://127.0.0.1:9092/tracker");
        assertThat(DatabaseSettings.of("jdbc:h2:mem:x").jdbcUrl()).isEqualTo("jdbc:h2:mem:x");
        assertThat(DatabaseSettings.of("jdbc:postgresql://127.0.0.1/t").jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/t");
    }

    @Test
    void anExistingEmbeddedFileOpensReadOnlyForReadingAndAMissingOneDoesNot(@TempDir Path dir) throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        assertThat(settings.readOnly()).as("no file yet: a read-only open could not create it").isEmpty();

        Files.createFile(dir.resolve("tracker.mv.db"));

        assertThat(settings.readOnly()).get().extracting(DatabaseSettings::jdbcUrl)
                .isEqualTo(settings.jdbcUrl() + ";ACCESS_MODE_DATA=r");
        assertThat(DatabaseSettings.of("jdbc:h2:file:" + dir.resolve("tracker")).readOnly()).isPresent();
        assertThat(DatabaseSettings.of("jdbc:h2:" + dir.resolve("tracker") + ";ACCESS_MODE_DATA=rw").readOnly())
                .as("the URL chose its access mode").isEmpty();
    }

    @Test
    void serversAndInMemoryDatabasesHaveNoReadOnlyVariant() {
        assertThat(DatabaseSettings.of("jdbc:h2:tcp://127.0.0.1:9092/tracker").readOnly()).isEmpty();
        assertThat(DatabaseSettings.of("jdbc:postgresql://127.0.0.1/t").readOnly()).isEmpty();
        assertThat(DatabaseSettings.of("jdbc:h2:mem:x").readOnly()).isEmpty();
    }

    @Test
    void aUrlThatIsNeitherH2NorPostgresqlIsRefusedAsTheTrackersOwnFailureWithTheJdbcFormSuggested() {
        assertThatThrownBy(() -> DatabaseSettings.of("postgres://u:secret@localhost/x"))
                .isInstanceOf(TrackerException.class)
                .hasMessage("storage URL must start with jdbc:h2: or jdbc:postgresql:, got 'postgres://u:***@localhost/x';"
                        + " did you mean 'jdbc:postgresql://u:***@localhost/x'?");
        assertThatThrownBy(() -> DatabaseSettings.of("sqlite:///x.db")).isInstanceOf(TrackerException.class)
                .hasMessage("storage URL must start with jdbc:h2: or jdbc:postgresql:, got 'sqlite:///x.db'");
    }
}
