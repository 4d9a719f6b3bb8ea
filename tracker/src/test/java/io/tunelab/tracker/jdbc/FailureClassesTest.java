package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which failures are retried, for how long, and how large a worker's connection pool is. */
class FailureClassesTest {

    private static SQLException state(String sqlState) {
        return new SQLException("x", sqlState);
    }

    @Test
    void deadlocksSerialisationFailuresAndLockTimeoutsAreContention() {
        for (String s : new String[] {"40P01", "40001", "55P03", "HYT00"}) {
            assertThat(Dialect.POSTGRESQL.classify(state(s), true)).as(s).isEqualTo(Dialect.Failure.CONTENTION);
        }
        assertThat(Dialect.H2.classify(new SQLException("x", "HY000", 90131), false)).isEqualTo(Dialect.Failure.CONTENTION);
    }

    @Test
    void refusedConnectionsAndAServerShuttingDownOrStartingAreAnOutage() {
        for (String s : new String[] {"08001", "08006", "08003", "57P01", "57P02", "57P03", "53300"}) {
            assertThat(Dialect.POSTGRESQL.classify(state(s), true)).as(s).isEqualTo(Dialect.Failure.OUTAGE);
        }
        assertThat(Dialect.POSTGRESQL.classify(new SQLTransientConnectionException("pool timed out"), true))
                .isEqualTo(Dialect.Failure.OUTAGE);
        assertThat(Dialect.POSTGRESQL.classify(new SQLRecoverableException("gone"), true)).isEqualTo(Dialect.Failure.OUTAGE);
        assertThat(Dialect.H2.classify(new SQLException("broken", "90067", 90067), true)).isEqualTo(Dialect.Failure.OUTAGE);
    }

    @Test
    void aClosedDatabaseIsAnOutageOverAConnectionToAnH2ServerShuttingDownAndFinalInThisProcess() {
        SQLException closed = new SQLException("Database is already closed", "90121", 90121);
        assertThat(Dialect.H2.classify(closed, true)).as("tcp: the server is shutting down").isEqualTo(Dialect.Failure.OUTAGE);
        assertThat(Dialect.H2.classify(closed, false)).as("embedded: closed at this JVM's shutdown")
                .isEqualTo(Dialect.Failure.PERMANENT);
    }

    @Test
    void syntaxErrorsAndConstraintViolationsAreNotRetried() {
        assertThat(Dialect.POSTGRESQL.classify(state("42601"), true)).isEqualTo(Dialect.Failure.PERMANENT);
        assertThat(Dialect.POSTGRESQL.classify(state("23505"), true)).isEqualTo(Dialect.Failure.PERMANENT);
        assertThat(Dialect.POSTGRESQL.classify(new SQLException("no state"), true)).isEqualTo(Dialect.Failure.PERMANENT);
    }

    @Test
    void workersOfADatabaseServerGetASmallPoolAndTheEmbeddedDatabaseALargerOne() {
        assertThat(DatabaseSettings.of("jdbc:postgresql://127.0.0.1:5432/t").maxPoolSize())
                .isEqualTo(DatabaseSettings.SERVER_POOL_SIZE).isLessThanOrEqualTo(4);
        assertThat(DatabaseSettings.of("jdbc:h2:tcp://127.0.0.1:9092/tracker").maxPoolSize())
                .isEqualTo(DatabaseSettings.SERVER_POOL_SIZE);
        assertThat(DatabaseSettings.of("jdbc:h2:file:/tmp/x/tracker").maxPoolSize())
                .isEqualTo(DatabaseSettings.EMBEDDED_POOL_SIZE);
        assertThat(DatabaseSettings.of("jdbc:postgresql://h/t").outageTolerance())
                .isEqualTo(DatabaseSettings.DEFAULT_OUTAGE_TOLERANCE);
    }

    @Test
    void aPoolOfOneOrANonPositiveOutageToleranceIsRefused() {
        DatabaseSettings pg = DatabaseSettings.of("jdbc:postgresql://h/t");
        assertThatThrownBy(() -> pg.withPoolSize(1)).isInstanceOf(StorageException.class).hasMessageContaining("got 1");
        assertThatThrownBy(() -> pg.withOutageTolerance(Duration.ZERO)).isInstanceOf(StorageException.class)
                .hasMessageContaining("PT0S");
    }
}
