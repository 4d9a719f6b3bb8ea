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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A study submitted to a real Spark standalone cluster on this machine (a master and two workers of one core
 * each, so one task per executor, each a JVM of its own, bound to 127.0.0.1) against PostgreSQL; once both
 * executors are in the middle of a trial, the executor process that runs the more recently started trial
 * (known from the pid the trial records, {@link SlowTrainersWiring#PID}) is killed with {@code kill -9} while that
 * trial has at least {@value #MARGIN_MILLIS} ms left. The study still ends with exactly its budget of COMPLETE
 * trials, that very trial failed as stale and retried with the same parameters by another process, and the
 * driver exits 0 with {@code tunelab run}'s summary. Skipped, with a message, where PostgreSQL is not installed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterKillIT {
    private static final int BUDGET = 8;
    /** The least time the victim's trial still has to run when its executor is killed. */
    private static final long MARGIN_MILLIS = 1_500;
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

        Target target = awaitFreshTrialOnEachExecutor(url, driver);
        ProcessHandle victim = target.executor();
        long killedAt = System.currentTimeMillis();
        assertThat(victim.destroyForcibly()).as("kill -9 of executor %d", victim.pid()).isTrue();
        victim.onExit().get(1, TimeUnit.MINUTES);

        int code = driver.get(5, TimeUnit.MINUTES);
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("in 2 Spark task(s) on " + cluster.masterUrl())
                .contains("Study 'sparked': " + BUDGET + " complete, 0 pruned, ").contains("Best trials:");

        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            long study = reader.findStudy("sparked").orElseThrow().id();
            List<FrozenTrial> trials = reader.trials(study, EnumSet.allOf(TrialState.class));
            String timeline = timeline(trials, victim.pid(), killedAt);
            assertThat(trials).as(timeline).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(BUDGET);
            List<FrozenTrial> stale = trials.stream().filter(t -> t.state() == TrialState.FAIL).toList();
            assertThat(stale).as("the killed executor's trial; %s", timeline).hasSize(1);
            FrozenTrial dead = stale.get(0);
            assertThat(dead.number()).as("the trial running on the killed executor").isEqualTo(target.trial().number());
            assertThat(pid(dead)).isEqualTo(victim.pid());
            assertThat(dead.message()).isEqualTo("stale: worker stopped responding");
            assertThat(dead.systemAttrs()).containsEntry(TrialStorage.SUPERSEDED, true);
            FrozenTrial retry = trials.get(((Number) dead.systemAttrs().get("retried_by")).intValue());
            assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(retry.systemAttrs()).containsEntry("retry_of", dead.number());
            assertThat(retry.params()).isEqualTo(dead.params()).containsKey("max_depth");
            assertThat(pid(retry)).as("the retry runs in a live executor").isNotEqualTo(victim.pid());
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, BUDGET + 1).boxed().toList());
            long firstStart = trials.get(0).start().toEpochMilli();
            System.out.printf("FIGURES submit-to-first-trial %d ms; killed executor %d %d ms into trial %d; %d trials: %d"
                    + " complete, %d stale; driver %d ms%n", firstStart - submitted, victim.pid(),
                    killedAt - dead.start().toEpochMilli(), dead.number(), trials.size(), BUDGET, stale.size(),
                    System.currentTimeMillis() - submitted);
            System.out.println(timeline);
        }
    }

    /** A RUNNING trial and the executor process that runs it. */
    private record Target(FrozenTrial trial, ProcessHandle executor) {
    }

    /**
     * Waits until, after at least one COMPLETE trial, both executors hold a RUNNING trial (two RUNNING trials
     * whose recorded pids are those of two live executor processes), then returns the more recently started
     * of the two and its executor, once that trial started so recently that it has at least {@value #MARGIN_MILLIS}
     * ms left to run: killing that executor now kills it mid-trial.
     */
    private Target awaitFreshTrialOnEachExecutor(String url, CompletableFuture<Integer> driver) throws Exception {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int executorsSeen = 0;
        long mostHolding = 0;
        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            while (System.nanoTime() < end && !driver.isDone()) {
                Map<Long, ProcessHandle> executors = cluster.executors().stream()
                        .collect(Collectors.toMap(ProcessHandle::pid, p -> p));
                executorsSeen = Math.max(executorsSeen, executors.size());
                long study = reader.findStudy("sparked").map(s -> s.id()).orElse(-1L);
                if (study >= 0) {
                    List<FrozenTrial> trials = reader.trials(study, EnumSet.of(TrialState.RUNNING, TrialState.COMPLETE));
                    List<FrozenTrial> held = trials.stream()
                            .filter(t -> t.state() == TrialState.RUNNING && executors.containsKey(pid(t))).toList();
                    long holding = held.stream().map(StandaloneClusterKillIT::pid).distinct().count();
                    mostHolding = Math.max(mostHolding, holding);
                    FrozenTrial newest = held.stream().max(Comparator.comparing(FrozenTrial::start)).orElse(null);
                    boolean oneComplete = trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE);
                    if (holding == 2 && oneComplete
                            && System.currentTimeMillis() - newest.start().toEpochMilli()
                            <= SlowTrainersWiring.TRIAL_MILLIS - MARGIN_MILLIS) {
                        return new Target(newest, executors.get(pid(newest)));
                    }
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the two executors were never both in a fresh trial: at most " + executorsSeen
                + " executor processes and " + mostHolding + " of them in a RUNNING trial seen; driver done: "
                + driver.isDone());
    }

    /** The pid of the process that ran {@code trial}, as it recorded it once trained, or -1 before. */
    private static long pid(FrozenTrial trial) {
        return trial.userAttrs().get(SlowTrainersWiring.PID) instanceof Number n ? n.longValue() : -1;
    }

    /** One line per trial: number, state, pid, start and end relative to the kill (for a failure's message). */
    private static String timeline(List<FrozenTrial> trials, long victim, long killedAt) {
        return "trials (pid, ms from the kill of " + victim + "):" + trials.stream().map(t -> String.format(
                "%n  %d %s pid %d %+d..%s", t.number(), t.state(), pid(t), t.start().toEpochMilli() - killedAt,
                t.end() == null ? "" : String.format("%+d", t.end().toEpochMilli() - killedAt)))
                .collect(Collectors.joining());
    }
}
