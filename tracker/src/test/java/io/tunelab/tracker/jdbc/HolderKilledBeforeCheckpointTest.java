package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A durable write through another process's share whose holder is killed after acknowledging the commit and before the
 * checkpoint: the write is saved on the file's next holder, once, whether or not the commit reached the file first.
 */
@Timeout(60)
class HolderKilledBeforeCheckpointTest {
    private static int databases;

    @TempDir
    Path tmp;

    private final PooledConnections holder = migrated("holder");
    private PooledConnections successor;

    /**
     * The connections of a joined process: to the holder until it is killed, at the first commit after {@link #armed}
     * (the commit goes through, the checkpoint after it fails as a broken connection), then to the successor.
     */
    private final class HolderKilledAtCommit implements Connections {
        final AtomicBoolean armed = new AtomicBoolean();
        private volatile boolean killed;

        @Override
        public Connection get() throws SQLException {
            return killed ? successor.get() : killedAtCommit(holder.get());
        }

        private Connection killedAtCommit(Connection c) {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (killed && !method.getName().equals("close")) {
                            throw new SQLException("connection to the share broken: its holder was killed", "08006");
                        }
                        try {
                            Object out = method.invoke(c, args);
                            if (method.getName().equals("commit") && armed.getAndSet(false)) {
                                killed = true;
                            }
                            return out;
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public boolean isClosed() {
            return false;
        }

        @Override
        public DataSource dataSource() {
            return holder.dataSource();
        }

        @Override
        public void close() {
        }
    }

    @AfterEach
    void closeDatabases() {
        holder.close();
        if (successor != null && successor != holder) {
            successor.close();
        }
    }

    @Test
    void aStudyCommittedThroughAShareButLostWithItsHolderIsWrittenAgainOnTheNextHolder() throws SQLException {
        successor = migrated("successor-without-the-commit");

        StudyRecord written = createStudyKillingTheHolder("d-4");

        assertThat(studyNames(successor)).as("studies of the file's next holder").containsExactly("d-4");
        assertThat(written.name()).isEqualTo("d-4");
        assertThat(markers(successor)).as("write markers left").isZero();
    }

    @Test
    void aStudyWhoseCommitReachedTheFileBeforeItsHolderWasKilledIsNotWrittenTwice() throws SQLException {
        successor = holder;

        createStudyKillingTheHolder("b-80");

        assertThat(studyNames(successor)).containsExactly("b-80");
        assertThat(markers(successor)).as("write markers left").isZero();
    }

    @Test
    void markersThatKilledProcessesLeftBehindAreDeletedADayLaterByTheNextJoinedProcess() throws SQLException {
        long now = Times.toNanos(Instant.now());
        try (Connection c = holder.get(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO durable_write_markers VALUES ('left-two-days-ago', " + (now - Duration.ofDays(2).toNanos())
                    + "), ('left-an-hour-ago', " + (now - Duration.ofHours(1).toNanos()) + ")");
            c.commit();
        }
        Database db = new Database(new HolderKilledAtCommit(), Dialect.H2, "jdbc:h2:mem:joined", true, Duration.ofSeconds(5));
        db.markDurableWrites();
        try (JdbcTrialStorage storage = storage(db)) {
            storage.createStudy("s", List.of(Direction.MINIMIZE));
            storage.createStudy("t", List.of(Direction.MINIMIZE));
        }

        try (Connection c = holder.get(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT marker FROM durable_write_markers")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("left-an-hour-ago");
            assertThat(rs.next()).isFalse();
        }
    }

    private StudyRecord createStudyKillingTheHolder(String name) {
        HolderKilledAtCommit connections = new HolderKilledAtCommit();
        Database db = new Database(connections, Dialect.H2, "jdbc:h2:mem:joined", true, Duration.ofSeconds(20));
        db.markDurableWrites();
        try (JdbcTrialStorage storage = storage(db)) {
            connections.armed.set(true);
            StudyRecord study = storage.createStudy(name, List.of(Direction.MINIMIZE));
            assertThat(connections.killed).as("holder killed").isTrue();
            return study;
        } finally {
            db.close();
        }
    }

    private JdbcTrialStorage storage(Database db) {
        return new JdbcTrialStorage(db, false, new LocalArtifactRepository(tmp.resolve("artifacts")),
                StorageOptions.defaults().withoutHeartbeat());
    }

    private static PooledConnections migrated(String name) {
        DatabaseSettings settings = new DatabaseSettings("jdbc:h2:mem:killed-holder-" + name + "-" + (++databases)
                + ";DB_CLOSE_DELAY=-1", "sa", "", 2, Duration.ofSeconds(5));
        PooledConnections pool = PooledConnections.open(settings, Dialect.H2);
        Migrations.migrate(pool.dataSource());
        return pool;
    }

    private static List<String> studyNames(PooledConnections db) throws SQLException {
        try (Connection c = db.get(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT study_name FROM studies ORDER BY study_id")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static int markers(PooledConnections db) throws SQLException {
        try (Connection c = db.get(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM durable_write_markers")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
