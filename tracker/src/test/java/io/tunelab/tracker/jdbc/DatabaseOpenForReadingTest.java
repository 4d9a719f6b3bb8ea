package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An existing embedded file at the newest schema is read over plain sessions (no pool to start and stop), which
 * serve concurrent readers; anything else gets the pool.
 */
class DatabaseOpenForReadingTest {
    @TempDir
    Path dir;

    private static long migrations(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"flyway_schema_history\"");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void anExistingFileIsReadOverSessionsThatServeConcurrentReaders() throws Exception {
        DatabaseSettings settings = DatabaseSettings.embedded(dir);
        long applied;
        try (Database db = Database.open(settings)) {
            applied = migrations(db);
        }

        try (Database db = Database.openForReading(settings)) {
            assertThat(db.dataSource()).isInstanceOf(SessionConnections.class);
            ExecutorService readers = Executors.newFixedThreadPool(4);
            try {
                List<Future<Long>> counts = IntStream.range(0, 16).mapToObj(i -> readers.submit(() -> migrations(db)))
                        .toList();
                for (Future<Long> count : counts) {
                    assertThat(count.get()).isEqualTo(applied);
                }
            } finally {
                readers.shutdownNow();
            }
        }
    }

    @Test
    void aDatabaseThatDoesNotExistYetIsCreatedOverThePool() {
        try (Database db = Database.openForReading(DatabaseSettings.embedded(dir))) {
            assertThat(db.dataSource()).isInstanceOf(HikariDataSource.class);
            assertThat(migrations(db)).isPositive();
        }
    }
}
