package io.tunelab.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.dashboard.TestTrackers;
import io.tunelab.dashboard.data.TrackerDashboardData;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every query the study page's API calls ({@link StudyPageCalls}, and trials as rows) make on an H2 tracker
 * reads trials, their rows and metric chunks through an index: H2 records the statements the calls run
 * ({@code INFORMATION_SCHEMA.QUERY_STATISTICS}), and {@code EXPLAIN} of each must name no table scan of a
 * table that grows with trials or points.
 */
class StudyPageQueryPlansTest {
    /** Tables with a row per trial or more; a scan of one of them grows with every study in the database. */
    private static final Pattern SCAN = Pattern.compile(
            "PUBLIC\\.(TRIALS|TRIAL_PARAMS|TRIAL_VALUES|TRIAL_INTERMEDIATE|TRIAL_ATTRS|METRIC_SERIES|METRIC_CHUNKS)\\.tableScan");

    @TempDir
    Path dir;

    /** {@code trials} trials with two parameters, a user attribute, five intermediate values and loss points; every ninth FAILs. */
    static void fill(TrialStorage storage, String name, List<Direction> directions, int trials) {
        long study = storage.createStudy(name, directions).id();
        SplittableRandom random = new SplittableRandom(name.hashCode());
        FloatDistribution x = FloatDistribution.uniform(0, 1);
        CategoricalDistribution opt = CategoricalDistribution.of("sgd", "adam");
        for (int n = 0; n < trials; n++) {
            long id = storage.createRunningTrial(study).id();
            storage.setParam(id, "x", random.nextDouble(), x);
            storage.setParam(id, "opt", opt.choices().get(random.nextInt(2)), opt);
            storage.setUserAttr(id, "note", "n" + n);
            List<MetricPoint> points = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                storage.setIntermediateValue(id, s, random.nextDouble());
                points.add(new MetricPoint("loss", s, random.nextDouble(), Instant.ofEpochSecond(1_700_000_000L + s)));
            }
            storage.logMetrics(id, points);
            List<Double> values = new ArrayList<>();
            directions.forEach(d -> values.add(random.nextDouble()));
            storage.finishTrial(id, n % 9 == 0 ? TrialState.FAIL : TrialState.COMPLETE, n % 9 == 0 ? List.of() : values, null);
        }
        storage.flush();
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void noQueryOfTheStudyPageScansTrialsOrPoints() throws Exception {
        Path db = dir.resolve("db");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(db).withStorage(StorageOptions.defaults().withoutHeartbeat()));
             Connection side = sideConnection(db)) {
            fill(tracker.storage(), "other", List.of(Direction.MINIMIZE), 50);
            fill(tracker.storage(), "paged", List.of(Direction.MINIMIZE, Direction.MAXIMIZE), 120);
            long id = tracker.storage().findStudy("paged").orElseThrow().id();
            long trialId = tracker.storage().trialByNumber(id, 3).id();
            try (Statement st = side.createStatement()) {
                st.execute("ANALYZE");
                st.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
                st.execute("SET QUERY_STATISTICS TRUE");
            }
            ApiFixture.withServer(new TrackerDashboardData(TestTrackers.ports(tracker), null, 0), client -> {
                Map<String, String> calls = new LinkedHashMap<>(StudyPageCalls.onLoad(id, trialId, 120, 2, "loss"));
                calls.putAll(StudyPageCalls.tableSorts(id, List.of("x", "opt"), "loss"));
                calls.put("trial rows", "/api/studies/" + id + "/trials?after=-1&limit=5000");
                for (String path : calls.values()) {
                    ApiFixture.ok(client.get(path.replace(StudyPageCalls.CURSOR, "0")));
                }
            });
            List<String> selects = recordedSelects(side);
            assertThat(selects).as("the calls ran queries on trials and metric chunks")
                    .anyMatch(q -> q.contains("FROM trials")).anyMatch(q -> q.contains("metric_chunks"));
            Map<String, String> scans = new LinkedHashMap<>();
            for (String sql : selects) {
                String plan = explain(side, sql);
                if (SCAN.matcher(plan).find()) {
                    scans.put(sql, plan);
                }
            }
            assertThat(scans).as("queries of the study page that scan a whole table").isEmpty();
        }
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.MINUTES)
    void theCheckSeesAScanWhenAQueryHasNoIndex() throws Exception {
        Path db = dir.resolve("db");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(db).withStorage(StorageOptions.defaults().withoutHeartbeat()));
             Connection side = sideConnection(db)) {
            fill(tracker.storage(), "small", List.of(Direction.MINIMIZE), 5);
            assertThat(SCAN.matcher(explain(side, "SELECT trial_id FROM trials WHERE message = ?")).find()).isTrue();
            assertThat(SCAN.matcher(explain(side, "SELECT trial_id FROM trials WHERE study_id = ?")).find()).isFalse();
        }
    }

    /** A second connection to the tracker's embedded database (the same database in this JVM). */
    private static Connection sideConnection(Path db) throws SQLException {
        DatabaseSettings settings = DatabaseSettings.embedded(db);
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /** SELECT statements the database ran since statistics were switched on, other than on its own schema. */
    private static List<String> recordedSelects(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT SQL_STATEMENT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
            while (rs.next()) {
                String sql = rs.getString(1);
                if (sql.trim().toUpperCase(java.util.Locale.ROOT).startsWith("SELECT") && !sql.contains("INFORMATION_SCHEMA")) {
                    out.add(sql);
                }
            }
        }
        return out;
    }

    /** H2's plan of {@code sql}, its parameters bound to NULL (the plan does not depend on their values). */
    private static String explain(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            int parameters = ps.getParameterMetaData().getParameterCount();
            for (int i = 1; i <= parameters; i++) {
                ps.setNull(i, Types.NULL);
            }
            try (ResultSet rs = ps.executeQuery()) {
                StringBuilder plan = new StringBuilder();
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
                return plan.toString();
            }
        }
    }
}
