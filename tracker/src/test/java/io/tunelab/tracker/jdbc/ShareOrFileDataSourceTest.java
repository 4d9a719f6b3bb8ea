package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A joined process that took the file over shares it until its database closes, and not after. */
class ShareOrFileDataSourceTest {
    @TempDir
    Path dir;

    @Test
    void aConnectionMadeWhileTheDatabaseClosesDoesNotShareTheFileAgain() throws Exception {
        ShareOrFileDataSource source = new ShareOrFileDataSource(DatabaseSettings.embedded(dir));
        try (Connection tookOver = source.getConnection()) {
            assertThat(tookOver.isValid(1)).isTrue();
            assertThat(dir.resolve(LocalShare.FILE)).as("the file taken over is shared").exists();

            source.endSharing();
            assertThat(dir.resolve(LocalShare.FILE)).doesNotExist();
            try (Connection whileClosing = source.getConnection()) {
                assertThat(whileClosing.isValid(1)).isTrue();
                assertThat(dir.resolve(LocalShare.FILE)).as("the pool's last connections share nothing").doesNotExist();
            }
        }
    }
}
