package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection lent for one transaction, over an in-memory H2 session. */
class LeasedConnectionTest {
    private Connection session;
    private final List<Connection> givenBack = new ArrayList<>();

    @BeforeEach
    void openSession() throws SQLException {
        session = DriverManager.getConnection("jdbc:h2:mem:leased");
    }

    @AfterEach
    void closeSession() throws SQLException {
        session.close();
    }

    @Test
    void itWorksOnTheSessionItHolds() throws SQLException {
        Connection lent = new LeasedConnection(session, givenBack::add);
        lent.setAutoCommit(false);
        try (Statement s = lent.createStatement(); ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
        assertThat(session.getAutoCommit()).isFalse();
        assertThat(lent.unwrap(org.h2.jdbc.JdbcConnection.class)).isSameAs(session);
        assertThat(lent.isWrapperFor(LeasedConnection.class)).isTrue();
    }

    @Test
    void closingItGivesTheSessionBackOnceAndLeavesTheSessionOpen() throws SQLException {
        Connection lent = new LeasedConnection(session, givenBack::add);
        lent.close();
        lent.close();
        assertThat(givenBack).containsExactly(session);
        assertThat(lent.isClosed()).isTrue();
        assertThat(session.isClosed()).isFalse();
        assertThat(lent.isValid(1)).isFalse();
    }

    @Test
    void itRefusesWorkOnceClosed() throws SQLException {
        Connection lent = new LeasedConnection(session, givenBack::add);
        lent.close();
        assertThatThrownBy(lent::createStatement).isInstanceOf(SQLException.class)
                .hasMessageContaining("closed and its session given back");
        assertThatThrownBy(() -> lent.prepareStatement("SELECT 1")).isInstanceOf(SQLException.class);
        assertThatThrownBy(lent::commit).isInstanceOf(SQLException.class);
    }

    @Test
    void itSeesTheSessionEndedUnderIt() throws SQLException {
        Connection lent = new LeasedConnection(session, givenBack::add);
        session.close();
        assertThat(lent.isClosed()).isTrue();
    }

    @Test
    void itIsAPlainClassNotAProxyGeneratedAtRunTime() {
        assertThat(Proxy.isProxyClass(new LeasedConnection(session, givenBack::add).getClass())).isFalse();
    }
}
