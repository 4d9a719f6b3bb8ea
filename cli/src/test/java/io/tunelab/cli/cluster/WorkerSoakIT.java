package io.tunelab.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.TunelabProcess;
import io.tunelab.cli.wiring.TestCsv;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.pg.LocalPostgres;
import io.tunelab.tracker.pg.PostgresAvailability;
import io.tunelab.trainers.djl.train.ResumeCheckpoints;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The soak test, run only with {@code -Dsoak}: four {@code tunelab worker} processes share a PostgreSQL
 * study of DJL trials that save a resumable checkpoint after every epoch, while a seeded {@link SoakPlan}
 * kills a random worker with {@code kill -9} every 30–60 s (starting a replacement at once) and restarts
 * PostgreSQL twice, for {@code -Dsoak.minutes} (10) minutes. The study's budget ({@value #OPEN_BUDGET}
 * trials) is more than any machine runs in the window, so the workers are busy for the whole of it however
 * fast the machine. At the window's end every worker is killed with {@code kill -9} (one more kill, in the
 * middle of its trial), the study's budget is lowered with {@code tunelab create} to the trials it then has
 * (those not superseded by a retry: the budget counts them), and four new workers finish it: they reap the
 * killed workers' trials as stale and run their retries. The workers ride out the restarts: every worker not
 * killed exits 0. At the end the study has exactly its budget of COMPLETE trials (its retry limit,
 * {@code heartbeat.max_retries}, is above the plan's number of events and the kill at the window's end, so
 * no trial can run out of retries), numbered 0 to n-1 once each, every other trial failed as
 * stale and superseded by its retry; every metric point the database acknowledged to
 * a worker ({@link AcknowledgedPoints}) is in it; and every COMPLETE trial, resumed or not, has each of
 * its series at epochs 1 to {@value #EPOCHS} exactly once. Prints the figures. {@code -Dsoak.seed} sets
 * the plan's seed (16). Run it from the project's root with
 * {@code mvn -B -ntp -pl cli -am verify -Dsoak -Dsoak.seed=20 -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=WorkerSoakIT -Dfailsafe.failIfNoSpecifiedTests=false}; without PostgreSQL's binaries it is skipped.
 */
@EnabledIfSystemProperty(named = "soak", matches = "(?!false$).*")
@Timeout(value = 3, unit = TimeUnit.HOURS)
class WorkerSoakIT {
    private static final String STUDY = "soak";
    private static final int WORKERS = 4;
    private static final int EPOCHS = 8;
    /**
     * The study's budget during the window: far more than any machine runs in it (development runs on 2 cores
     * did 6 trials a minute at load 28 and over 100 a minute on a quiet machine), so the study outlasts the window.
     */
    private static final int OPEN_BUDGET = 100_000;

    /** Kept when the test fails: the workers' logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;
    private LocalPostgres pg;

    @AfterEach
    void stopPostgres() {
        PostgresAvailability.stop(pg);
    }

    @Test
    void workersKilledAtRandomAndTwoDatabaseRestartsLeaveTheBudgetCompleteAndLoseNoAcknowledgedPoint() throws Exception {
        int minutes = Integer.getInteger("soak.minutes", 10);
        Duration window = Duration.ofMinutes(minutes);
        long seed = Long.getLong("soak.seed", 16);
        SoakPlan plan = SoakPlan.draw(seed, window);
        System.out.println("soak: " + plan.events().size() + " events in " + window + ", seed " + seed
                + "; workers' logs in " + dir);
        pg = PostgresAvailability.startOrSkip();
        String url = pg.createDatabase(STUDY);
        // more retries than the plan has events (kills and restarts) and the kill at the window's end, so that
        // no trial can run out of them
        int maxRetries = plan.events().size() + 2;
        Path data = TestCsv.noisyClasses(dir, 3000);
        create(url, data, OPEN_BUDGET, maxRetries);

        long began = System.nanoTime();
        int restarts;
        List<String> problems;
        AcknowledgedPoints acknowledged;
        int kills;
        int replacements;
        List<Integer> killedAtEnd;
        int budget;
        try (SoakWorkers workers = new SoakWorkers(dir, url, STUDY)) {
            for (int w = 0; w < WORKERS; w++) {
                workers.start();
            }
            restarts = drive(plan, workers, began, window);
            replacements = workers.starts() - WORKERS;
            killedAtEnd = workers.killAll();
            budget = trialsInBudget(url);
            note(began, "kill -9 workers " + killedAtEnd + "; the study's budget lowered to its " + budget + " trials");
            create(url, data, budget, maxRetries);
            List<Integer> finishers = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                finishers.add(workers.start());
            }
            note(began, "started workers " + finishers + " to finish the study");
            // the killed workers' trials go stale, then their retries resume from a checkpoint: a few trials' time
            problems = workers.awaitAll(Duration.ofMinutes(20));
            acknowledged = workers.acknowledged();
            kills = workers.kills();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - began);
        try (TrialStorage reader = ClusterWiring.open(url, dir.resolve("artifacts"), "checker")) {
            List<FrozenTrial> trials = reader.trials(reader.findStudy(STUDY).orElseThrow().id(), EnumSet.allOf(TrialState.class));
            Map<Integer, FrozenTrial> byNumber = new HashMap<>();
            trials.forEach(t -> byNumber.put(t.number(), t));
            int lost = lostPoints(reader, acknowledged);
            List<FrozenTrial> outOfRetries = trials.stream().filter(t -> t.state() == TrialState.FAIL && !superseded(t))
                    .toList();
            SoakFigures figures = new SoakFigures(elapsed, kills, killedAtEnd.size(), replacements, restarts, trials.size(),
                    count(trials, t -> t.state() == TrialState.COMPLETE), budget,
                    count(trials, t -> t.userAttrs().containsKey(ResumeCheckpoints.RESUMED_FROM_EPOCH)),
                    count(trials, t -> t.systemAttrs().containsKey(TrialStorage.RETRY_OF)
                            && !t.userAttrs().containsKey(ResumeCheckpoints.RESUMED_FROM_EPOCH)),
                    count(trials, t -> superseded(t) && t.message() != null && t.message().startsWith("stale")),
                    outOfRetries.size(), acknowledged.points().size(), lost);
            System.out.println(figures);
            trials.stream().filter(t -> t.state() != TrialState.COMPLETE).forEach(t -> System.out.printf(
                    "soak: trial %d %s (%s) %s%n", t.number(), t.state(), t.message(), t.systemAttrs()));

            assertThat(problems).as("workers not killed by the driver end with exit code 0").isEmpty();
            assertThat(restarts).as("PostgreSQL restarts: every worker ended before the plan did").isEqualTo(2);
            assertThat(killedAtEnd).as("workers killed at the window's end: some were still at work").isNotEmpty();

            assertThat(trials).extracting(FrozenTrial::number).as("trial numbers, each once")
                    .containsExactlyElementsOf(LongStream.range(0, trials.size()).mapToObj(n -> (int) n).toList());
            assertThat(trials).filteredOn(t -> t.state() != TrialState.COMPLETE)
                    .as("every other trial failed as stale and was superseded by its retry").allSatisfy(t -> {
                        assertThat(t.state()).isEqualTo(TrialState.FAIL);
                        assertThat(t.message()).isEqualTo("stale: worker stopped responding");
                        assertThat(t.systemAttrs()).containsEntry(TrialStorage.SUPERSEDED, true);
                    });
            assertThat(outOfRetries).as("trials failed for good: none, the retry limit (%d) being above the kills (%d)",
                    maxRetries, kills).isEmpty();
            assertThat(trials).filteredOn(t -> t.state() == TrialState.COMPLETE).as("COMPLETE trials: exactly the budget")
                    .hasSize(budget);
            assertThat(lost).as("acknowledged metric points missing").isZero();
            for (FrozenTrial t : trials) {
                if (t.state() == TrialState.COMPLETE) {
                    assertContinuous(reader, t);
                }
                if (t.userAttrs().get(ResumeCheckpoints.RESUMED_FROM_TRIAL) instanceof Number from) {
                    assertThat(retryChain(t, byNumber)).as("trial %d resumed from one it retries", t.number())
                            .contains(from.intValue());
                }
            }
            assertThat(figures.resumed()).as("trials resumed from a checkpoint").isPositive();
        }
    }

    /** Creates the study, or updates its budget, with {@code tunelab create} as a user would. */
    private void create(String url, Path data, int budget, int maxRetries) throws Exception {
        Path file = dir.resolve("soak.yaml");
        Files.writeString(file, """
                study: %s
                direction: maximize
                metric: val_accuracy
                sampler: {type: random, seed: 7}
                budget: {trials: %d}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: y, task: classification, valid_split: 0.2, test_split: 0.1}
                space:
                  learning_rate: {reciprocal: [0.001, 0.01]}
                  n_hidden: {int: [1, 3]}
                  n_neurons: {choice: [32, 64]}
                  dropout: {choice: [0.0, 0.2]}
                  optimizer: {choice: [adam, sgd]}
                fit: {epochs: %d, batch_size: 16, checkpoint_every: 1}
                heartbeat: {interval: 2s, grace: 10s, max_retries: %d}
                """.formatted(STUDY, budget, data, EPOCHS, maxRetries));
        Process create = TunelabProcess.builder(List.of(), "create", file.toString(), "--storage", url)
                .directory(dir.toFile()).start();
        String out = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(create.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(create.exitValue()).as(out).isZero();
        System.out.print(out);
    }

    /**
     * Carries out the plan, then waits for the end of the window, or until no worker is left; returns the
     * PostgreSQL restarts done.
     */
    private int drive(SoakPlan plan, SoakWorkers workers, long began, Duration window) throws Exception {
        int restarts = 0;
        for (SoakPlan.Event e : plan.events()) {
            if (!awaitOrNoneAlive(workers, began, e.at())) {
                return restarts;
            }
            switch (e.action()) {
                case KILL_WORKER -> {
                    var victim = workers.killOne(plan.victims());
                    if (victim.isPresent()) {
                        note(began, "kill -9 worker " + victim.get() + ", started worker " + workers.start());
                    }
                }
                case CRASH_POSTGRES, STOP_POSTGRES -> {
                    if (e.action() == SoakPlan.Action.CRASH_POSTGRES) {
                        pg.stopImmediately();
                    } else {
                        pg.stop();
                    }
                    note(began, "PostgreSQL stopped (" + e.action() + ") for " + e.outage().toSeconds() + " s");
                    Thread.sleep(e.outage().toMillis());
                    pg.restart();
                    restarts++;
                    note(began, "PostgreSQL started again");
                }
            }
        }
        awaitOrNoneAlive(workers, began, window);
        return restarts;
    }

    /** Waits until {@code at} after {@code began}; false, at once, when no worker is left. */
    private static boolean awaitOrNoneAlive(SoakWorkers workers, long began, Duration at) throws InterruptedException {
        while (System.nanoTime() - began < at.toNanos()) {
            if (workers.noneAlive()) {
                return false;
            }
            Thread.sleep(200);
        }
        return true;
    }

    /** The trials the study's budget counts: all but those failed as stale and superseded by their retry. */
    private int trialsInBudget(String url) {
        try (TrialStorage reader = ClusterWiring.open(url, dir.resolve("artifacts"), "checker")) {
            return count(reader.trials(reader.findStudy(STUDY).orElseThrow().id(), EnumSet.allOf(TrialState.class)),
                    t -> !superseded(t));
        }
    }

    private static boolean superseded(FrozenTrial t) {
        return t.state() == TrialState.FAIL && Boolean.TRUE.equals(t.systemAttrs().get(TrialStorage.SUPERSEDED));
    }

    private static void note(long began, String what) {
        System.out.printf("soak +%ds: %s%n", TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - began), what);
    }

    /** Acknowledged points not in the database. */
    private static int lostPoints(TrialStorage reader, AcknowledgedPoints acknowledged) {
        Map<String, List<MetricPoint>> series = new HashMap<>();
        int lost = 0;
        for (AcknowledgedPoints.Point p : acknowledged.points()) {
            List<MetricPoint> stored = series.computeIfAbsent(p.trialId() + "/" + p.series(),
                    k -> reader.metrics(p.trialId(), p.series()));
            if (stored.stream().noneMatch(s -> s.step() == p.step())) {
                System.out.println("lost: " + p);
                lost++;
            }
        }
        return lost;
    }

    /** Each series of {@code t} has epochs 1 to {@value #EPOCHS}, each once. */
    private static void assertContinuous(TrialStorage reader, FrozenTrial t) {
        List<String> names = reader.metricNames(t.id());
        assertThat(names).as("series of trial %d", t.number()).isNotEmpty();
        for (String name : names) {
            assertThat(reader.metrics(t.id(), name)).extracting(MetricPoint::step)
                    .as("steps of %s of trial %d (resumed after epoch %s)", name, t.number(),
                            t.userAttrs().get(ResumeCheckpoints.RESUMED_FROM_EPOCH))
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, EPOCHS).boxed().toList());
        }
    }

    /** The numbers of the trials {@code t} retries, nearest first. */
    private static List<Integer> retryChain(FrozenTrial t, Map<Integer, FrozenTrial> byNumber) {
        List<Integer> chain = new ArrayList<>();
        for (Object of = t.systemAttrs().get(TrialStorage.RETRY_OF); of instanceof Number n;
             of = byNumber.get(n.intValue()).systemAttrs().get(TrialStorage.RETRY_OF)) {
            chain.add(n.intValue());
        }
        return chain;
    }

    private static int count(List<FrozenTrial> trials, Predicate<FrozenTrial> which) {
        return (int) trials.stream().filter(which).count();
    }
}
