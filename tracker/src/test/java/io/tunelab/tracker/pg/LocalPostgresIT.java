package io.tunelab.tracker.pg;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class LocalPostgresIT {

    @Test
    void aThrowAwayServerAnswersOnLoopbackAndSurvivesARestart() throws Exception {
        PostgresAvailability.requireOrSkip();
        try (LocalPostgres pg = LocalPostgres.start()) {
            String url = pg.createDatabase("tunelab_test");
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                c.createStatement().execute("create table t (n int)");
                c.createStatement().execute("insert into t values (42)");
            }
            pg.stop();
            pg.restart();
            try (Connection c = DriverManager.getConnection(url, "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery("select n from t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }
}
