package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A thread interrupted while it reads or writes the embedded database (a cancelled future, an
 * executor shut down, a Ctrl-C) must not break the database for the rest of the process. With plain
 * file channels the interrupt closes the database file for every thread and unflushed writes are lost.
 */
class InterruptedReaderTest {
    @TempDir
    Path dir;

    private static long sum(Database db) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT SUM(LENGTH(payload)) FROM blobs");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void anInterruptedReaderLeavesTheEmbeddedDatabaseUsableForEveryOtherThread() throws Exception {
        String payload = "x".repeat(4_000);
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            db.update(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE blobs (id INT PRIMARY KEY, payload VARCHAR(8000))");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO blobs VALUES (?, ?)")) {
                    for (int i = 0; i < 5_000; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, payload + i);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            Thread reader = new Thread(() -> {
                try {
                    db.read(c -> {
                        Thread.currentThread().interrupt();
                        try (PreparedStatement ps = c.prepareStatement("SELECT SUM(LENGTH(payload)) FROM blobs");
                             ResultSet rs = ps.executeQuery()) {
                            return rs.next();
                        }
                    });
                } catch (RuntimeException e) {
                    // the interrupted reader may fail; the others must not
                }
            });
            reader.start();
            reader.join();

            long expected = 5_000L * 4_000 + java.util.stream.IntStream.range(0, 5_000)
                    .mapToLong(i -> String.valueOf(i).length()).sum();
            assertThat(sum(db)).isEqualTo(expected);
            db.update(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO blobs VALUES (5000, 'after')");
                }
            });
        }
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            String last = db.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM blobs WHERE id = 5000");
                     ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            });
            assertThat(last).isEqualTo("after");
        }
    }
}
