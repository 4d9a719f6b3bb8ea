package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.DistributionJson;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening skips Flyway only for a database at the newest version; older ones are migrated and their aggregates and space filled. */
class MigrationsTest {
    private static final String X1 = DistributionJson.toJson(new FloatDistribution(0, 1, false, 0));
    private static final String X2 = DistributionJson.toJson(new FloatDistribution(0, 2, false, 0));
    private static final String ACT = DistributionJson.toJson(CategoricalDistribution.of("relu", "elu"));

    @TempDir
    Path tmp;

    private JdbcDataSource dataSource() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + tmp.toAbsolutePath().resolve("tracker"));
        ds.setUser("sa");
        return ds;
    }

    @Test
    void theNewestVersionIsTheLastMigrationFlywayApplies() {
        JdbcDataSource ds = dataSource();
        assertThat(Migrations.applied(ds)).isNull();

        assertThat(Migrations.migrate(ds)).isEqualTo(Migrations.NEWEST);
        assertThat(Migrations.applied(ds)).isEqualTo(Migrations.NEWEST);
        assertThat(Migrations.migrate(ds)).isEqualTo(Migrations.NEWEST);
    }

    @Test
    void aDatabaseAtVersionFiveIsMigratedAndItsStudiesGetTheirAggregates() throws Exception {
        JdbcDataSource ds = dataSource();
        Migrations.migrate(ds, "5");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO studies (study_name, directions, created_ns, next_number, change_seq)"
                    + " VALUES ('old', 'MINIMIZE', 1, 3, 6)");
            s.execute("INSERT INTO trials (study_id, trial_number, trial_state, start_ns, end_ns, change_seq)"
                    + " VALUES (1, 0, 'COMPLETE', 10, 20, 2), (1, 1, 'COMPLETE', 30, 40, 4), (1, 2, 'RUNNING', 50, NULL, 5)");
            s.execute("INSERT INTO trial_values VALUES (1, 0, 0.5, NULL), (2, 0, 0.25, NULL)");
            s.execute("INSERT INTO trial_params VALUES (1, 'lr', 0, 0.5, '" + X1 + "'), (2, 'act', 0, 1, '" + ACT + "'),"
                    + " (2, 'lr', 1, 0.5, '" + X2 + "'), (3, 'lr', 0, 0.5, '" + X1 + "')");
        }
        assertThat(Migrations.applied(ds)).isEqualTo("5");

        assertThat(Migrations.migrate(ds)).isEqualTo(Migrations.NEWEST);

        try (Connection c = ds.getConnection()) {
            AggregateRows.Row row = AggregateRows.of(c, 1);
            assertThat(row.counts()).containsEntry(TrialState.COMPLETE, 2).containsEntry(TrialState.RUNNING, 1);
            assertThat(row.lastNs()).isEqualTo(50);
            assertThat(row.bestNumber()).isEqualTo(1);
            assertThat(row.bestValues()).containsExactly(0.25);
            assertThat(List.copyOf(SpaceRows.space(c, 1).entrySet())).containsExactly(
                    Map.entry("lr", DistributionJson.fromJson(X1)), Map.entry("act", DistributionJson.fromJson(ACT)));
        }
    }
}
