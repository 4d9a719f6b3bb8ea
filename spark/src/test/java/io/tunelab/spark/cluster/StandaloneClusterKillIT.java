package io.tunelab.spark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spark.SparkRunCommandTest;
import io.tunelab.spark.TunelabSpark;
import io.tunelab.tracker.pg.LocalPostgres;
import io.tunelab.tracker.pg.PostgresAvailability;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A study submitted to a real Spark standalone cluster on this machine (a master and two workers, each a
 * JVM of its own, bound to 127.0.0.1) against PostgreSQL; once both executors are in the middle of a trial,
 * one executor process is killed with {@code kill -9}. The study still ends with exactly its budget of
 * COMPLETE trials, the killed trial failed as stale and retried with the same parameters, and the driver
 * exits 0 with {@code tunelab run}'s summary. Skipped, with a message, where PostgreSQL is not installed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterKillIT {
    private static final int BUDGET = 8;
    private static final Map<String, String> DRIVER_SETTINGS = Map.of(
            "spark.executor.memory", "512m",
            "spark.cores.max", "2",
            "spark.tunelab.wiring", SlowTrainersWiring.class.getName());

    @TempDir
    Path dir;
    private LocalPostgres pg;
    private LocalStandaloneCluster cluster;

    @BeforeEach
    void start() throws Exception {
        pg = PostgresAvailability.startOrSkip();
        cluster = LocalStandaloneCluster.start(dir, 2);
        DRIVER_SETTINGS.forEach(System::setProperty);
        System.setProperty("spark.executor.extraClassPath", LocalStandaloneCluster.executorClassPath());
        System.setProperty("spark.executor.extraJavaOptions", LocalStandaloneCluster.jvmOptions());
    }

    @AfterEach
    void stop() {
        DRIVER_SETTINGS.keySet().forEach(System::clearProperty);
        System.clearProperty("spark.executor.extraClassPath");
        System.clearProperty("spark.executor.extraJavaOptions");
        if (cluster != null) {
            cluster.close();
        }
        PostgresAvailability.stop(pg);
    }

    @Test
    void anExecutorKilledMidTrialLeavesTheStudyWithItsBudgetAndItsTrialRetriedWithTheSameParameters() throws Exception {
        String url = pg.createDatabase("spark");
        Path file = SparkRunCommandTest.studyFile(dir, "sparked", BUDGET);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long submitted = System.currentTimeMillis();
        CompletableFuture<Integer> driver = CompletableFuture.supplyAsync(() -> {
            CommandLine cmd = TunelabSpark.commandLine(new DefaultWiring());
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            return cmd.execute("run", file.toString(), "--storage", url, "--parallelism", "2",
                    "--master", cluster.masterUrl());
        });

        List<ProcessHandle> executors = awaitBothExecutorsMidTrial(url, driver);
        ProcessHandle victim = executors.get(0);
        assertThat(victim.destroyForcibly()).as("kill -9 of executor %d", victim.pid()).isTrue();
        victim.onExit().get(1, TimeUnit.MINUTES);

        int code = driver.get(5, TimeUnit.MINUTES);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("in 2 Spark task(s) on " + cluster.masterUrl())
                .contains("Study 'sparked': " + BUDGET + " complete, 0 pruned, ").contains("Best trials:");

        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            long study = reader.findStudy("sparked").orElseThrow().id();
            List<FrozenTrial> trials = reader.trials(study, EnumSet.allOf(TrialState.class));
            assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(BUDGET);
            List<FrozenTrial> stale = trials.stream().filter(t -> t.state() == TrialState.FAIL).toList();
            assertThat(stale).as("the killed executor's trial").hasSize(1);
            FrozenTrial dead = stale.get(0);
            assertThat(dead.message()).isEqualTo("stale: worker stopped responding");
            assertThat(dead.systemAttrs()).containsEntry(TrialStorage.SUPERSEDED, true);
            FrozenTrial retry = trials.get(((Number) dead.systemAttrs().get("retried_by")).intValue());
            assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(retry.systemAttrs()).containsEntry("retry_of", dead.number());
            assertThat(retry.params()).isEqualTo(dead.params()).containsKey("max_depth");
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, BUDGET + 1).boxed().toList());
            long firstStart = trials.get(0).start().toEpochMilli();
            System.out.printf("FIGURES submit-to-first-trial %d ms; %d trials: %d complete, %d stale; driver %d ms%n",
                    firstStart - submitted, trials.size(), BUDGET, stale.size(), System.currentTimeMillis() - submitted);
        }
    }

    /** Waits until two executors run and the study has two RUNNING trials after at least one COMPLETE. */
    private List<ProcessHandle> awaitBothExecutorsMidTrial(String url, CompletableFuture<Integer> driver) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int executorsSeen = 0;
        long mostRunning = 0;
        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            while (System.nanoTime() < end && !driver.isDone()) {
                List<ProcessHandle> executors = cluster.executors();
                executorsSeen = Math.max(executorsSeen, executors.size());
                long study = reader.findStudy("sparked").map(s -> s.id()).orElse(-1L);
                if (study >= 0) {
                    List<FrozenTrial> trials = reader.trials(study, EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE));
                    long running = trials.stream().filter(t -> t.state() == TrialState.RUNNING).count();
                    mostRunning = Math.max(mostRunning, running);
                    if (executors.size() == 2 && running == 2 && trials.size() > 2) {
                        return executors;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the two executors were never both in a trial: at most " + executorsSeen
                + " executor processes and " + mostRunning + " RUNNING trials seen; driver done: " + driver.isDone());
    }
}
