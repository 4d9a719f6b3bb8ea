package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.liveness.RetryPolicy;
import io.tunelab.tracker.pg.LocalPostgres;
import io.tunelab.tracker.pg.PostgresAvailability;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stops and starts again while four workers run a study: they wait with back-off, carry
 * on, and the study ends with exactly its budget, nothing lost or doubled. The outage outlasts the
 * stale grace, so it also shows that live workers' trials are not reaped for the heartbeats the outage
 * kept from being written. Skipped, with a message, where PostgreSQL is not installed.
 */
@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.MINUTES)
class PostgresRestartIT {
    private static final int WORKERS = 4;
    private static final int BUDGET = 120;
    private static final int STEPS = 5;
    /** Longer than a pool takes to reconnect once the server is back (HikariCP backs off up to 5 s). */
    private static final Duration GRACE = Duration.ofSeconds(10);
    /** Longer than the grace: without the guard after an outage, live trials would be reaped as stale. */
    private static final long OUTAGE_MILLIS = 12_000;

    @TempDir
    Path tmp;
    private LocalPostgres pg;

    @BeforeEach
    void startPostgres() throws Exception {
        pg = PostgresAvailability.startOrSkip();
    }

    @AfterEach
    void stopPostgres() {
        PostgresAvailability.stop(pg);
    }

    private JdbcTrialStorage storage(String url, String worker) {
        StorageOptions options = StorageOptions.defaults().withWorkerId(worker)
                .withHeartbeat(Duration.ofMillis(250), GRACE);
        return new JdbcTrialStorage(Database.open(new DatabaseSettings(url, "postgres", "", 3)), true,
                new LocalArtifactRepository(tmp.resolve("artifacts")), options);
    }

    @Test
    void workersRideOutADatabaseRestartAndTheStudyEndsWithExactlyItsBudget() throws Exception {
        String url = pg.createDatabase("restart");
        List<JdbcTrialStorage> storages = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            storages.add(storage(url, "worker-" + w));
        }
        CountDownLatch someDone = new CountDownLatch(20);
        try {
            long studyId = Study.builder("restart").storage(storages.get(0)).direction(Direction.MINIMIZE)
                    .createOrLoad().studyId();
            storages.get(0).setStudySystemAttr(studyId, RetryPolicy.ATTR, new RetryPolicy(2).toAttr());
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                Study study = Study.builder("restart").storage(storages.get(w)).direction(Direction.MINIMIZE)
                        .seed(w).sampler(RandomSampler::new).load();
                workers.add(pool.submit(() -> study.optimize(trial -> {
                    double x = trial.suggestFloat("x", -1, 1);
                    for (int step = 0; step < STEPS; step++) {
                        trial.log("loss", step, x * x + step);
                        Thread.sleep(10);
                    }
                    someDone.countDown();
                    return x * x;
                }, OptimizeOptions.studyBudget(BUDGET).withParallelism(1))));
            }
            assertThat(someDone.await(2, TimeUnit.MINUTES)).isTrue();
            pg.stop();
            Thread.sleep(OUTAGE_MILLIS);
            pg.restart();
            for (Future<?> f : workers) {
                f.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();

            JdbcTrialStorage reader = storages.get(0);
            List<FrozenTrial> trials = reader.trials(studyId, EnumSet.allOf(TrialState.class));
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, trials.size()).boxed().toList());
            assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(BUDGET);
            assertThat(trials).filteredOn(t -> t.state() != TrialState.COMPLETE)
                    .as("no live worker's trial is reaped for the outage; only a trial orphaned by a commit whose"
                            + " answer was lost (so it never got parameters) may fail as stale, and it is retried")
                    .allSatisfy(t -> {
                        assertThat(t.params()).isEmpty();
                        assertThat(t.systemAttrs()).containsEntry(TrialStorage.SUPERSEDED, true);
                    });
            for (FrozenTrial t : trials) {
                if (t.state() == TrialState.COMPLETE) {
                    assertThat(reader.metrics(t.id(), "loss")).as("loss of trial %d", t.number())
                            .extracting(p -> p.step()).containsExactly(0L, 1L, 2L, 3L, 4L);
                }
            }
            assertThat(storages).as("every worker waited out the outage")
                    .allSatisfy(s -> assertThat(s.nanosSinceOutage()).isLessThan(Long.MAX_VALUE));
        } finally {
            storages.forEach(JdbcTrialStorage::close);
        }
    }

    @Test
    void aTransactionGivesUpAsUnavailableWhenTheOutageOutlastsTheTolerance() throws Exception {
        String url = pg.createDatabase("gone");
        try (Database db = Database.open(new DatabaseSettings(url, "postgres", "", 2)
                .withOutageTolerance(Duration.ofSeconds(1)))) {
            assertThat(db.read(PostgresRestartIT::selectOne)).isTrue();
            pg.stop();
            assertThatThrownBy(() -> db.read(PostgresRestartIT::selectOne))
                    .isInstanceOfSatisfying(StorageException.class,
                            e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE))
                    .hasMessageContaining("unreachable for 1 s (");
            pg.restart();
            assertThat(readWithin(db, Duration.ofSeconds(30))).as("the pool reconnects once the server is back").isTrue();
        }
    }

    @Test
    void aDatabaseOpenedWhileTheServerIsDownWaitsForItAndOpensOnceItIsBack() throws Exception {
        String url = pg.createDatabase("late");
        pg.stop();
        CompletableFuture<Database> opening = CompletableFuture.supplyAsync(
                () -> Database.open(new DatabaseSettings(url, "postgres", "", 2)));
        Thread.sleep(3_000);
        assertThat(opening).as("a worker joining during a restart waits for the server instead of exiting").isNotDone();
        pg.restart();
        try (Database db = opening.get(2, TimeUnit.MINUTES)) {
            assertThat(db.read(PostgresRestartIT::selectOne)).isTrue();
        }
    }

    @Test
    void openingADatabaseThatStaysDownGivesUpAsUnavailableAfterTheTolerance() throws Exception {
        String url = pg.createDatabase("down");
        pg.stop();
        long began = System.nanoTime();
        assertThatThrownBy(() -> Database.open(new DatabaseSettings(url, "postgres", "", 2)
                .withOutageTolerance(Duration.ofSeconds(2))))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE))
                .hasMessageContaining("cannot open the tracker database");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        pg.restart(); // so that the server stops cleanly after the test
    }

    /**
     * Reads until the database answers, for at most {@code limit}: each read may give up after the 1 s
     * tolerance while a loaded machine is still bringing the server's connections back.
     */
    private static boolean readWithin(Database db, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            try {
                return db.read(PostgresRestartIT::selectOne);
            } catch (StorageException e) {
                if (e.kind() != StorageException.Kind.UNAVAILABLE || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    private static boolean selectOne(java.sql.Connection c) throws java.sql.SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery("SELECT 1")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }
}
