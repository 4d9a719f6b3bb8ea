package io.tunelab.tracker.pg;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty workers, each with its own storage and bounded connection pool (as fifty worker processes
 * would have), share one study on PostgreSQL: they claim enqueued trials, create new ones within the
 * study-wide budget, log metrics and send heartbeats all at once. Skipped, with a message, where
 * PostgreSQL is not installed.
 */
class PostgresManyWorkersIT {
    private static final int WORKERS = 50;
    private static final int POOL = DatabaseSettings.SERVER_POOL_SIZE;
    private static final int BUDGET = 400;
    private static final int ENQUEUED = 40;

    @RegisterExtension
    static final PostgresServer PG = new PostgresServer();

    @TempDir
    Path tmp;

    @Test
    void fiftyWorkersShareAStudyWithoutDeadlocksDuplicateNumbersOrMoreConnectionsThanTheirPools() throws Exception {
        String url = PG.createDatabase("many_workers");
        List<TrialStorage> storages = openStorages(url);
        try {
            Study first = study(storages.get(0), 0);
            for (int i = 0; i < ENQUEUED; i++) {
                first.enqueueTrial(Map.of("x", i / 100.0));
            }
            ConnectionWatch watch = new ConnectionWatch(url, "many_workers");
            Thread watcher = new Thread(watch, "connection-watch");
            watcher.start();
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Study study = study(storages.get(w), w);
                workers.add(pool.submit(() -> study.optimize(trial -> {
                    double x = trial.suggestFloat("x", 0, 1);
                    double y = trial.suggestFloat("y", 0, 1);
                    trial.log("loss", 0, x + y);
                    trial.log("loss", 1, x * y);
                    return x + y;
                }, OptimizeOptions.studyBudget(BUDGET).withParallelism(1))));
            }
            for (Future<?> f : workers) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            watch.stop.set(true);
            watcher.join();

            List<FrozenTrial> trials = first.trials(EnumSet.allOf(TrialState.class));
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, BUDGET).boxed().toList());
            assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            assertThat(trials.subList(0, ENQUEUED)).extracting(t -> (Double) t.params().get("x"))
                    .containsExactlyElementsOf(IntStream.range(0, ENQUEUED).mapToObj(i -> i / 100.0).toList());
            assertThat(storages.get(0).metrics(trials.get(BUDGET - 1).id(), "loss")).hasSize(2);
            assertThat(watch.samples.get()).isPositive();
            assertThat(watch.peak.get()).as("connections held by all workers at once")
                    .isGreaterThan(WORKERS).isLessThanOrEqualTo(WORKERS * POOL);
        } finally {
            storages.forEach(TrialStorage::close);
        }
        assertThat(deadlocks(url, "many_workers")).as("deadlocks PostgreSQL detected and broke").isZero();
    }

    private List<TrialStorage> openStorages(String url) throws Exception {
        StorageOptions options = StorageOptions.defaults().withHeartbeat(Duration.ofMillis(200), Duration.ofMinutes(5));
        ExecutorService opener = Executors.newFixedThreadPool(4);
        List<Future<TrialStorage>> opening = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            String worker = "worker-" + w;
            TrackerConfig config = new TrackerConfig(new DatabaseSettings(url, "postgres", "", POOL), tmp.resolve("artifacts"),
                    options.withWorkerId(worker));
            opening.add(opener.submit(() -> Tracker.openStorage(config)));
        }
        List<TrialStorage> out = new ArrayList<>();
        for (Future<TrialStorage> f : opening) {
            out.add(f.get(5, TimeUnit.MINUTES));
        }
        opener.shutdown();
        return out;
    }

    private static Study study(TrialStorage storage, int seed) {
        return Study.builder("shared").storage(storage).direction(Direction.MINIMIZE).seed(seed)
                .sampler(RandomSampler::new).createOrLoad();
    }

    /** Deadlocks PostgreSQL counted in the database, read once every worker's connection is closed. */
    private static long deadlocks(String url, String database) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
            for (int i = 0; i < 100 && connections(c, database) > 1; i++) {
                Thread.sleep(50);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT deadlocks FROM pg_stat_database WHERE datname = ?")) {
                ps.setString(1, database);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        }
    }

    static int connections(Connection c, String database) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Samples the database's connection count (its own connection excluded) until stopped. */
    private static final class ConnectionWatch implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicInteger peak = new AtomicInteger();
        final AtomicInteger samples = new AtomicInteger();
        private final String url;
        private final String database;

        ConnectionWatch(String url, String database) {
            this.url = url;
            this.database = database;
        }

        @Override
        public void run() {
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                while (!stop.get()) {
                    peak.accumulateAndGet(connections(c, database) - 1, Math::max);
                    samples.incrementAndGet();
                    Thread.sleep(20);
                }
            } catch (Exception e) {
                throw new IllegalStateException("watching connections failed", e);
            }
        }
    }
}
