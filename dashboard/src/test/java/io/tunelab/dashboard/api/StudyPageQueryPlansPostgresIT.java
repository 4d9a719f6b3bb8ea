package io.tunelab.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.trial.Direction;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.pg.PostgresServer;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study page's queries on PostgreSQL read trials and their rows through indexes, at a size where the
 * planner prefers an index wherever one serves (10 more studies of 10,000 trials, with their parameters,
 * values, attributes, series and chunks: 100,000 trials; {@code ANALYZE}d): every statement the page's API
 * calls ({@link StudyPageCalls}) run is planned by the server itself with its actual parameters
 * ({@code auto_explain}, logged to the server log), and no plan may hold a {@code Seq Scan} of a table
 * of trials or points.
 */
class StudyPageQueryPlansPostgresIT {
    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    /**
     * The tables of trials and points. (A whole study's parameters, values or attributes joined to its
     * trials the planner may hash-join over a scan of their table when the study is a large share of it.)
     */
    private static final Pattern SCAN = Pattern.compile("Seq Scan on (trials|metric_series|metric_chunks)\\b");
    /** Studies copied from one of 50 trials, each with its trials repeated {@link #REPEATS} times: 100,000 trials. */
    private static final int COPIES = 10;
    private static final int REPEATS = 200;

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void noQueryOfTheStudyPageScansTrialsOrPointsOnPostgres() throws Exception {
        String url = PG.newDatabase("plans");
        String database = url.substring(url.lastIndexOf('/') + 1);
        DatabaseSettings settings = new DatabaseSettings(url, "postgres", "", 4);
        try (Tracker tracker = open(settings)) {
            StudyPageQueryPlansTest.fill(tracker.storage(), "other", List.of(Direction.MINIMIZE), 50);
            StudyPageQueryPlansTest.fill(tracker.storage(), "paged", List.of(Direction.MINIMIZE, Direction.MAXIMIZE), 120);
        }
        String log;
        long from;
        try (Connection side = DriverManager.getConnection(url, "postgres", "")) {
            copyStudy(side, "other", 50);
            try (Statement st = side.createStatement()) {
                st.execute("ANALYZE");
                st.execute("ALTER DATABASE " + database + " SET session_preload_libraries = 'auto_explain'");
                st.execute("ALTER DATABASE " + database + " SET auto_explain.log_min_duration = 0");
            }
            log = serverLog(side);
            from = size(side, log);
        }
        try (Tracker tracker = open(settings)) {
            long id = tracker.storage().findStudy("paged").orElseThrow().id();
            long trialId = tracker.storage().trialByNumber(id, 3).id();
            Map<String, String> calls = new LinkedHashMap<>(StudyPageCalls.onLoad(id, trialId, 120, 2, "loss"));
            calls.putAll(StudyPageCalls.tableSorts(id, List.of("x", "opt"), "loss"));
            ApiFixture.withServer(new TrackerDashboardData(TestTrackers.ports(tracker), null, 0), client -> {
                for (String path : calls.values()) {
                    ApiFixture.ok(client.get(path.replace(StudyPageCalls.CURSOR, "0")));
                }
            });
        }
        List<String> plans;
        try (Connection side = DriverManager.getConnection(url, "postgres", "")) {
            plans = plans(read(side, log, from));
        }
        assertThat(plans).as("plans logged by auto_explain").anyMatch(p -> p.contains("FROM trials"))
                .anyMatch(p -> p.contains("metric_chunks"));
        assertThat(plans.stream().filter(p -> SCAN.matcher(p).find()).toList())
                .as("plans of the study page's queries that scan a whole table").isEmpty();
    }

    private Tracker open(DatabaseSettings settings) {
        return Tracker.open(new TrackerConfig(settings, dir.resolve("artifacts"), StorageOptions.defaults().withoutHeartbeat()));
    }

    /**
     * Adds {@link #COPIES} studies {@code copyN}, each holding study {@code name}'s {@code trials} trials
     * {@link #REPEATS} times over with all their rows (renumbered, new ids), in a few statements.
     */
    private static void copyStudy(Connection c, String name, int trials) throws SQLException {
        String id = " + (s.g * " + REPEATS + " + r + 1) * 100000";
        String copies = " CROSS JOIN (SELECT study_id AS new_study, CAST(SUBSTRING(study_name, 5) AS BIGINT) AS g"
                + " FROM studies WHERE study_name LIKE 'copy%') s CROSS JOIN generate_series(0, " + (REPEATS - 1) + ") r";
        String ofStudy = " JOIN trials t ON t.trial_id = x.trial_id JOIN studies o ON o.study_id = t.study_id AND o.study_name = '"
                + name + "'";
        List<String> sql = List.of(
                "INSERT INTO studies (study_name, directions, created_ns, next_number, change_seq)"
                        + " SELECT 'copy' || g, directions, created_ns, next_number * " + REPEATS + ", change_seq FROM studies,"
                        + " generate_series(1, " + COPIES + ") g WHERE study_name = '" + name + "'",
                "INSERT INTO trials (trial_id, study_id, trial_number, trial_state, start_ns, end_ns, heartbeat_ns, change_seq, message)"
                        + " SELECT x.trial_id" + id + ", new_study, x.trial_number + r * " + trials + ", x.trial_state, x.start_ns,"
                        + " x.end_ns, x.heartbeat_ns, x.change_seq, x.message FROM trials x JOIN studies o ON o.study_id = x.study_id"
                        + " AND o.study_name = '" + name + "'" + copies,
                "INSERT INTO trial_params (trial_id, param_name, param_order, internal_value, distribution_json)"
                        + " SELECT x.trial_id" + id + ", x.param_name, x.param_order, x.internal_value, x.distribution_json"
                        + " FROM trial_params x" + ofStudy + copies,
                "INSERT INTO trial_values (trial_id, objective_index, objective_value, value_marker)"
                        + " SELECT x.trial_id" + id + ", x.objective_index, x.objective_value, x.value_marker"
                        + " FROM trial_values x" + ofStudy + copies,
                "INSERT INTO trial_intermediate (trial_id, step, inter_value, value_marker)"
                        + " SELECT x.trial_id" + id + ", x.step, x.inter_value, x.value_marker"
                        + " FROM trial_intermediate x" + ofStudy + copies,
                "INSERT INTO trial_attrs (trial_id, attr_scope, attr_name, attr_json)"
                        + " SELECT x.trial_id" + id + ", x.attr_scope, x.attr_name, x.attr_json"
                        + " FROM trial_attrs x" + ofStudy + copies,
                "INSERT INTO metric_series (series_id, trial_id, metric_name, point_count, last_step, last_value, last_marker,"
                        + " last_wall_ns, min_value, max_value) SELECT x.series_id" + id + ", x.trial_id" + id + ","
                        + " x.metric_name, x.point_count, x.last_step, x.last_value, x.last_marker, x.last_wall_ns, x.min_value,"
                        + " x.max_value FROM metric_series x" + ofStudy + copies,
                "INSERT INTO metric_chunks (chunk_id, series_id, point_count, min_step, max_step, payload)"
                        + " SELECT k.chunk_id" + id + ", k.series_id" + id + ", k.point_count, k.min_step, k.max_step,"
                        + " k.payload FROM metric_chunks k JOIN metric_series x ON x.series_id = k.series_id" + ofStudy + copies);
        try (Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM trials")) {
            rs.next();
            assertThat(rs.getLong(1)).as("trials after copying").isGreaterThanOrEqualTo((long) trials * COPIES * REPEATS);
        }
    }

    /** The server log's absolute path (the throw-away server logs beside its data directory). */
    private static String serverLog(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW data_directory")) {
            rs.next();
            return Path.of(rs.getString(1)).resolveSibling("server.log").toString();
        }
    }

    private static long size(Connection c, String file) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT size FROM pg_stat_file(?)")) {
            ps.setString(1, file);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String read(Connection c, String file, long from) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_read_file(?, ?, ?)")) {
            ps.setString(1, file);
            ps.setLong(2, from);
            ps.setLong(3, size(c, file) - from);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The log's auto_explain entries, each a query text and its plan. */
    private static List<String> plans(String log) {
        List<String> out = new ArrayList<>();
        for (String entry : log.split("(?m)^(?=\\S.*LOG:)")) {
            if (entry.contains("plan:") && entry.contains("Query Text:")) {
                out.add(entry);
            }
        }
        return out;
    }
}
