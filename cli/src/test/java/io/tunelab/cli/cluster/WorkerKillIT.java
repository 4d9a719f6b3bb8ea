package io.tunelab.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.TunelabCommand;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.durability.JavaProcess;
import io.tunelab.tracker.pg.LocalPostgres;
import io.tunelab.tracker.pg.PostgresAvailability;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Four {@code tunelab worker} processes share a study on PostgreSQL (loopback); one is killed with
 * {@code kill -9} in the middle of a trial, after the others have run the rest of the budget and wait
 * for its trial. The study still ends with exactly its budget of COMPLETE
 * trials, numbers unique, the killed trial failed as stale and retried with the same parameters, and
 * every metric point a worker saw acknowledged is in the database. Skipped, with a message, where
 * PostgreSQL is not installed.
 */
@org.junit.jupiter.api.Timeout(value = 15, unit = java.util.concurrent.TimeUnit.MINUTES)
class WorkerKillIT {
    private static final int BUDGET = 12;
    private static final int WORKERS = 4;
    private static final long STEP_MILLIS = 150;
    /** Slow enough that the victim's first trial outlasts the others' share of the budget. */
    private static final long VICTIM_STEP_MILLIS = 20_000;

    @TempDir
    Path dir;
    private LocalPostgres pg;
    private String url;
    private final List<Process> processes = new ArrayList<>();

    @BeforeEach
    void startPostgres() throws Exception {
        pg = PostgresAvailability.startOrSkip();
    }

    @AfterEach
    void stopEverything() {
        processes.forEach(Process::destroyForcibly);
        PostgresAvailability.stop(pg);
    }

    /** One acknowledged metric point: trial number and step. */
    private record Ack(int trial, int step) {
    }

    @Test
    void aWorkerKilledMidTrialLeavesTheStudyWithItsBudgetAndItsTrialRetriedWithTheSameParameters() throws Exception {
        url = pg.createDatabase("cluster");
        Path file = dir.resolve("cluster.yaml");
        Files.writeString(file, """
                study: cluster
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 11}
                budget: {trials: %d}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 8]}
                """.formatted(BUDGET));
        StringWriter err = new StringWriter();
        CommandLine create = TunelabCommand.commandLine(new ClusterWiring(dir.resolve("artifacts"), "creator", 0));
        create.setErr(new PrintWriter(err));
        create.setOut(new PrintWriter(new StringWriter()));
        assertThat(create.execute("create", file.toString(), "--storage", url)).as(err.toString()).isZero();

        // The victim starts first and is slow, so it is in the middle of a trial while the three others
        // run the rest of the budget; it is killed once they all wait for its trial to end, which is the
        // hard case: no worker is left that would start another trial of its own.
        Set<Ack> acks = ConcurrentHashMap.newKeySet();
        CompletableFuture<Integer> victimTrial = new CompletableFuture<>();
        CountDownLatch othersWaiting = new CountDownLatch(WORKERS - 1);
        AtomicInteger saidWaiting = new AtomicInteger();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        Process victim = worker(0, VICTIM_STEP_MILLIS);
        readers.add(CompletableFuture.runAsync(() -> read(victim, acks, victimTrial, null, null)));
        int killed = victimTrial.get(3, TimeUnit.MINUTES);
        for (int w = 1; w < WORKERS; w++) {
            Process p = worker(w, STEP_MILLIS);
            readers.add(CompletableFuture.runAsync(() -> read(p, acks, null, othersWaiting, saidWaiting)));
        }
        assertThat(othersWaiting.await(3, TimeUnit.MINUTES)).isTrue();
        assertThat(saidWaiting.get()).as("the other workers wait for the victim's trial").isEqualTo(WORKERS - 1);
        assertThat(victim.isAlive()).as("the victim is still in its first trial").isTrue();
        victim.destroyForcibly();
        assertThat(victim.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(victim.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        for (Process p : processes.subList(1, WORKERS)) {
            assertThat(p.waitFor(3, TimeUnit.MINUTES)).as("a surviving worker ends").isTrue();
            assertThat(p.exitValue()).isZero();
        }
        for (CompletableFuture<Void> r : readers) {
            r.get(1, TimeUnit.MINUTES);
        }

        try (TrialStorage reader = ClusterWiring.open(url, dir.resolve("artifacts"), "checker")) {
            long study = reader.findStudy("cluster").orElseThrow().id();
            List<FrozenTrial> trials = reader.trials(study, EnumSet.allOf(TrialState.class));
            assertThat(trials).extracting(FrozenTrial::number)
                    .containsExactlyElementsOf(IntStream.range(0, BUDGET + 1).boxed().toList());
            assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).hasSize(BUDGET);

            FrozenTrial dead = trials.get(killed);
            assertThat(dead.state()).isEqualTo(TrialState.FAIL);
            assertThat(dead.message()).isEqualTo("stale: worker stopped responding");
            assertThat(dead.systemAttrs()).containsEntry(TrialStorage.SUPERSEDED, true);
            FrozenTrial retry = trials.get(((Number) dead.systemAttrs().get("retried_by")).intValue());
            assertThat(retry.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(retry.systemAttrs()).containsEntry("retry_of", killed);
            assertThat(retry.params()).isEqualTo(dead.params()).containsKey("max_depth");

            assertThat(acks).as("acknowledged points of the killed trial").anyMatch(a -> a.trial() == killed);
            for (Ack ack : acks) {
                List<MetricPoint> series = reader.metrics(trials.get(ack.trial()).id(), PacedTrainers.SERIES);
                assertThat(series).as("point %d of trial %d", ack.step(), ack.trial())
                        .anyMatch(p -> p.step() == ack.step());
            }
            for (FrozenTrial t : trials) {
                if (t.state() == TrialState.COMPLETE) {
                    assertThat(reader.metrics(t.id(), PacedTrainers.SERIES)).extracting(MetricPoint::step)
                            .containsExactlyElementsOf(IntStream.range(0, PacedTrainers.STEPS).mapToObj(i -> (long) i)
                                    .toList());
                }
            }
        }
    }

    private Process worker(int index, long stepMillis) throws java.io.IOException {
        Process p = JavaProcess.start(ClusterWorkerMain.class, url, "cluster", dir.resolve("artifacts").toString(),
                "worker-" + index, String.valueOf(stepMillis));
        processes.add(p);
        return p;
    }

    /**
     * Collects a worker's acknowledgements; completes {@code firstTrial} (if given) with the number of
     * the first trial it acknowledges a point of, and counts down {@code waiting} (if given) when it
     * says it waits for other workers' trials (counted in {@code said}) or ends without saying so.
     */
    private static void read(Process p, Set<Ack> acks, CompletableFuture<Integer> firstTrial, CountDownLatch waiting,
                             AtomicInteger said) {
        boolean counted = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("Waiting for") && waiting != null && !counted) {
                    said.incrementAndGet();
                    waiting.countDown();
                    counted = true;
                }
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    Ack ack = new Ack(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
                    acks.add(ack);
                    if (firstTrial != null) {
                        firstTrial.complete(ack.trial());
                    }
                }
            }
        } catch (java.io.IOException e) {
            // The stream ends when the process is killed.
        }
        if (waiting != null && !counted) {
            waiting.countDown();
        }
        if (firstTrial != null) {
            firstTrial.completeExceptionally(new AssertionError("the victim never started a trial"));
        }
    }
}
