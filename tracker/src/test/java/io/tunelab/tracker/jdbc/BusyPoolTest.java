package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A database that answers but whose pooled connections are all in use is busy, not unreachable: a transaction waits
 * longer than the outage tolerance for a free connection, and says "busy" if none comes.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class BusyPoolTest {
    private final ScheduledExecutorService releaser = Executors.newSingleThreadScheduledExecutor();
    private final List<Connection> held = new ArrayList<>();
    private Database db;

    @AfterEach
    void release() throws SQLException {
        releaser.shutdownNow();
        releaseAll();
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aTransactionWaitsPastTheOutageToleranceForAConnectionHeldByOtherWorkAndSucceeds() throws SQLException {
        db = Database.open(settings("held", Duration.ofSeconds(1)));
        holdEveryConnection();
        releaser.schedule(this::releaseQuietly, 2_500, TimeUnit.MILLISECONDS);

        long began = System.nanoTime();
        int answer = db.read(BusyPoolTest::selectOne);

        assertThat(answer).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void aPoolBusyForLongerThanItsBusyToleranceFailsAsBusyNotAsUnreachable() throws SQLException {
        Duration outageTolerance = Duration.ofMillis(250);
        db = Database.open(settings("busy", outageTolerance));
        holdEveryConnection();

        TrackerException e = catchThrowableOfType(TrackerException.class, () -> db.read(BusyPoolTest::selectOne));

        assertThat(e.busy()).isTrue();
        assertThat(e.kind()).isEqualTo(TrackerException.Kind.UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("database busy: all 2 connections of this process stayed in use for "
                + Database.human(PooledConnections.busyTolerance(outageTolerance))).doesNotContain("unreachable");
    }

    @Test
    void theBusyToleranceIsTenOutageTolerancesUpToTwoMinutesOrTheOutageTolerance() {
        assertThat(PooledConnections.busyTolerance(Duration.ofSeconds(3))).isEqualTo(Duration.ofSeconds(30));
        assertThat(PooledConnections.busyTolerance(Duration.ofSeconds(30))).isEqualTo(Duration.ofMinutes(2));
        assertThat(PooledConnections.busyTolerance(Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
    }

    private static DatabaseSettings settings(String name, Duration outageTolerance) {
        return new DatabaseSettings("jdbc:h2:mem:busy-pool-" + name + ";DB_CLOSE_DELAY=-1", "sa", "", 2, outageTolerance);
    }

    private void holdEveryConnection() throws SQLException {
        for (int i = 0; i < 2; i++) {
            held.add(db.dataSource().getConnection());
        }
    }

    private synchronized void releaseAll() throws SQLException {
        for (Connection c : held) {
            c.close();
        }
        held.clear();
    }

    private void releaseQuietly() {
        try {
            releaseAll();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int selectOne(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
