package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The process holding a directory's embedded database serves it to this machine's others under a secret name. */
class LocalShareTest {
    @TempDir
    Path dir;

    private static int flywayRows(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void anOpenDirectoryDatabaseIsServedOnLoopbackUnderTheNameInAnOwnerOnlyFile() throws Exception {
        Path file = dir.resolve(LocalShare.FILE);
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            assertThat(db.url()).startsWith("jdbc:h2:retry:");
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            String url = Files.readString(file).strip();
            assertThat(url).matches("jdbc:h2:tcp://127\\.0\\.0\\.1:\\d+/share_[0-9a-f]{32}");

            assertThat(flywayRows(url)).as("the share reaches the open database").isPositive();
            assertThat(LocalShare.isShare(url)).as("its clients know it for a share, and checkpoint it").isTrue();
            assertThat(LocalShare.isShare("jdbc:h2:tcp://127.0.0.1:9092/" + dir.resolve("tracker"))).isFalse();
            String port = url.substring(0, url.lastIndexOf('/'));
            assertThatThrownBy(() -> flywayRows(port + "/tracker")).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
            assertThatThrownBy(() -> flywayRows(port + "/" + dir.resolve("tracker"))).isInstanceOf(SQLException.class)
                    .hasMessageContaining("Wrong user name or password");
        }
        assertThat(file).as("closing the database ends the share").doesNotExist();
    }

    @Test
    void aServedOrNamedDatabaseIsNotSharedAgain() {
        try (Database db = Database.open(DatabaseSettings.served(dir))) {
            assertThat(db.url()).startsWith("jdbc:h2:file:");
            assertThat(dir.resolve(LocalShare.FILE)).doesNotExist();
        }
        assertThat(LocalShare.candidate(DatabaseSettings.of("jdbc:h2:mem:x"))).isFalse();
        assertThat(LocalShare.candidate(DatabaseSettings.of("jdbc:h2:tcp://127.0.0.1:9092/tracker"))).isFalse();
    }

    @Test
    void noShareFileMeansNothingToJoin() {
        assertThat(LocalShare.find(DatabaseSettings.embedded(dir))).isEmpty();
    }
}
