package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.tunelab.tracker.config.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool of an embedded database never recycles its connections: the file closes with its last one, and another
 * process could take it from a live holder in that moment.
 */
class PooledConnectionsTest {
    @TempDir
    Path dir;

    @Test
    void anEmbeddedDatabasesConnectionsAreNeverRetiredForAge() {
        DatabaseSettings embedded = DatabaseSettings.embedded(dir);
        try (PooledConnections own = PooledConnections.open(embedded, Dialect.H2)) {
            assertThat(((HikariDataSource) own.dataSource()).getMaxLifetime()).isZero();
        }
    }
}
