package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A plain data source answers as a pool expects of any data source. */
class PlainDataSourceTest {

    @Test
    void keepsTheLoginTimeoutThePoolSets() {
        PlainDataSource source = new PlainDataSource() {
            @Override
            public Connection getConnection() throws SQLException {
                throw new SQLException("no database");
            }
        };
        assertThat(source.getLoginTimeout()).isZero();

        source.setLoginTimeout(3);

        assertThat(source.getLoginTimeout()).as("what HikariCP waits for its connection makers on close").isEqualTo(3);
    }
}
