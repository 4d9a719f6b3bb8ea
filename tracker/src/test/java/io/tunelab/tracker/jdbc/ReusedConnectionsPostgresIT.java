package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.pg.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A one-shot reader of PostgreSQL reuses server sessions instead of starting a pool (a throw-away server on
 * loopback; skipped with a message where PostgreSQL is not installed).
 */
class ReusedConnectionsPostgresIT {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    private static DatabaseSettings settings(String url) {
        return new DatabaseSettings(url, "postgres", "", 4);
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void transactionsOneAfterAnotherShareOneServerSession() throws Exception {
        try (ReusedConnections connections = ReusedConnections.open(settings(PG.newDatabase("reuse")))) {
            int first;
            try (Connection c = connections.get()) {
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(java.lang.reflect.Proxy.isProxyClass(c.getClass()))
                        .as("no proxy class generated at every start").isFalse();
                first = backend(c);
            }
            try (Connection c = connections.get()) {
                assertThat(backend(c)).isEqualTo(first);
            }
            assertThat(connections.sessions()).isEqualTo(1);
        }
    }

    @Test
    void overlappingTransactionsGetASessionEachAndKeepThemForLater() throws Exception {
        try (ReusedConnections connections = ReusedConnections.open(settings(PG.newDatabase("reuse")))) {
            Connection a = connections.get();
            Connection b = connections.get();
            int pa = backend(a);
            int pb = backend(b);
            assertThat(pb).isNotEqualTo(pa);
            a.close();
            b.close();
            try (Connection c = connections.get()) {
                assertThat(backend(c)).isIn(pa, pb);
            }
            assertThat(connections.sessions()).isEqualTo(2);
        }
    }

    @Test
    void workLeftUncommittedIsRolledBackBeforeTheSessionIsReused() throws Exception {
        try (ReusedConnections connections = ReusedConnections.open(settings(PG.newDatabase("reuse")))) {
            try (Connection c = connections.get(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE left_behind (x INT)");
            }
            try (Connection c = connections.get(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT to_regclass('left_behind') IS NULL")) {
                rs.next();
                assertThat(rs.getBoolean(1)).as("the table of the uncommitted transaction is gone").isTrue();
            }
        }
    }

    @Test
    void aSessionWhoseLentConnectionWasLeftInAutoCommitIsReusedAsItIs() throws Exception {
        try (ReusedConnections connections = ReusedConnections.open(settings(PG.newDatabase("reuse")))) {
            int first;
            try (Connection c = connections.get()) {
                c.setAutoCommit(true);
                first = backend(c);
            }
            try (Connection c = connections.get()) {
                assertThat(c.getAutoCommit()).isFalse();
                assertThat(backend(c)).isEqualTo(first);
            }
        }
    }

    @Test
    void theUserAndPasswordOfTheUrlWinOverTheSettingsAsInThePool() throws Exception {
        String url = PG.newDatabase("reuse");
        try (Connection admin = DriverManager.getConnection(url, "postgres", "");
             Statement s = admin.createStatement()) {
            s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN"
                    + " CREATE ROLE reader LOGIN; END IF; END $$");
        }
        String withUser = url + (url.contains("?") ? "&" : "?") + "user=reader";
        try (ReusedConnections connections = ReusedConnections.open(settings(withUser));
             Connection c = connections.get(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("reader");
        }
    }

    @Test
    void noConnectionIsHandedOutOnceClosed() throws Exception {
        String url = PG.newDatabase("reuse");
        ReusedConnections connections = ReusedConnections.open(settings(url));
        connections.close();
        assertThat(connections.isClosed()).isTrue();
        assertThatThrownBy(connections::get).isInstanceOf(SQLException.class).hasMessageContaining(url)
                .hasMessageContaining("closed");
    }

    @Test
    void aMigratedDatabaseIsReadOverReusedSessionsThatSurviveTheServerEndingOne() throws Exception {
        String url = PG.newDatabase("reuse");
        try (Database db = Database.open(settings(url))) {
            assertThat(db.dataSource()).isInstanceOf(HikariDataSource.class);
        }
        try (Database db = Database.openForReading(settings(url))) {
            assertThat(db.dataSource()).isInstanceOf(ReusedConnections.class);
            int before = db.read(ReusedConnectionsPostgresIT::backend);
            try (Connection admin = DriverManager.getConnection(url, "postgres", "");
                 Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + before + ")");
            }
            int after = db.read(ReusedConnectionsPostgresIT::backend);
            assertThat(after).as("the transaction was retried on a new session").isNotEqualTo(before);
            assertThat(((ReusedConnections) db.dataSource()).sessions()).isEqualTo(1);
        }
    }

    @Test
    void aDatabaseWithoutTheNewestSchemaIsOpenedOverThePoolAndMigrated() throws Exception {
        try (Database db = Database.openForReading(settings(PG.newDatabase("reuse")))) {
            assertThat(db.dataSource()).isInstanceOf(HikariDataSource.class);
            assertThat(Migrations.applied(db.dataSource())).isEqualTo(Migrations.NEWEST);
        }
    }
}
