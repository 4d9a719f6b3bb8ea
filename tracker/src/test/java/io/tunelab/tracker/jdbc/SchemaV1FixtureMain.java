package io.tunelab.tracker.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Writes the schema-version-1 fixture {@code src/test/resources/fixtures/schema-v1/tracker.mv.db}:
 * a database migrated only to V1 and filled with plain SQL, as a tracker of that version left it.
 * Run once when V2 was added; kept so {@link MigrationFixtureTest} checks upgrades of real old files.
 * Rows get their generated ids (1, 2, 3...), as the tracker would have given them.
 * Usage: {@code SchemaV1FixtureMain <directory>}.
 */
public final class SchemaV1FixtureMain {
    private SchemaV1FixtureMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("tracker"));
        ds.setUser("sa");
        Migrations.migrate(ds, "1");
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO studies (study_name, directions, created_ns, next_number, change_seq)"
                    + " VALUES ('legacy', 'MAXIMIZE', 1767225600000000000, 3, 5)");
            s.execute("INSERT INTO study_attrs VALUES (1, 'seed', '42'), (1, 'sampler', '{\"type\":\"random\",\"seed\":42}')");
            s.execute("INSERT INTO trials (study_id, trial_number, trial_state, start_ns, end_ns, change_seq, message)"
                    + " VALUES (1, 0, 'COMPLETE', 1767225601000000000, 1767225602000000000, 2, NULL),"
                    + " (1, 1, 'FAIL', 1767225603000000000, 1767225604000000000, 4, 'diverged'),"
                    + " (1, 2, 'RUNNING', 1767225605000000000, NULL, 5, NULL)");
            s.execute("INSERT INTO trial_params VALUES (1, 'lr', 0, 0.01,"
                    + " '{\"type\":\"float\",\"low\":1.0E-4,\"high\":0.1,\"log\":true,\"step\":0.0}'),"
                    + " (1, 'act', 1, 1.0, '{\"type\":\"categorical\",\"choices\":[\"relu\",\"elu\"]}')");
            s.execute("INSERT INTO trial_values VALUES (1, 0, 0.86, NULL)");
            s.execute("INSERT INTO trial_intermediate VALUES (1, 0, 0.7, NULL), (1, 1, NULL, 'NaN')");
            s.execute("INSERT INTO trial_attrs VALUES (1, 'U', 'note', '\"baseline\"'), (1, 'S', 'slot', '\"cpu:0\"')");
            s.execute("INSERT INTO metric_series (trial_id, metric_name, point_count, last_step, last_value,"
                    + " last_marker, last_wall_ns, min_value, max_value) VALUES (1, 'loss', 2, 1, 0.4, NULL,"
                    + " 1767225601500000000, 0.4, 0.9)");
            s.execute("INSERT INTO metric_points (series_id, step, point_value, value_marker, wall_ns) VALUES"
                    + " (1, 0, 0.9, NULL, 1767225601200000000), (1, 1, 0.4, NULL, 1767225601500000000)");
            s.execute("SHUTDOWN COMPACT");
        }
    }
}
