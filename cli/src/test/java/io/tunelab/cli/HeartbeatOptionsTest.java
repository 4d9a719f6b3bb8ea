package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.liveness.RetryPolicy;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The heartbeat comes from the study file, the command line overriding it, and reaches the tracker's options;
 * the file's retry limit becomes the study's retry policy, which every process reaping its trials reads.
 */
class HeartbeatOptionsTest {
    @TempDir
    Path tmp;

    private final AtomicReference<StorageAccess> opened = new AtomicReference<>();
    private final Wiring wiring = new Wiring() {
        @Override
        public TrialStorage openStorage(String url) {
            throw new AssertionError("the run opens its storage with its access");
        }

        @Override
        public TrialStorage openStorage(StorageAccess access) {
            opened.set(access);
            throw new io.tunelab.cli.error.CliException("stop here");
        }

        @Override
        public java.util.List<io.tunelab.cli.wiring.TrainerFactory> trainers() {
            return java.util.List.of(new io.tunelab.cli.wiring.TribuoTrainers());
        }
    };

    private String lastErr = "";

    private int run(String... args) {
        CommandLine cmd = TunelabCommand.commandLine(wiring);
        cmd.setOut(new PrintWriter(new StringWriter()));
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        lastErr = err.toString();
        return code;
    }

    private Path studyFile(String heartbeat) throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, """
                study: hb
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 50, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 3]}
                """ + heartbeat);
        return file;
    }

    @Test
    void theStudyFilesHeartbeatIsWhatTheRunOpensItsStorageWith() throws Exception {
        run("run", studyFile("heartbeat: {interval: 3s, grace: 20s}\n").toString(), "--storage", "memory:");
        assertThat(opened.get().heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(opened.get().heartbeatGrace()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theCommandLineOverridesTheStudyFile() throws Exception {
        run("run", studyFile("heartbeat: {interval: 3s, grace: 20s}\n").toString(), "--storage", "memory:",
                "--heartbeat-interval", "5s", "--heartbeat-grace", "2m");
        assertThat(opened.get().heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(opened.get().heartbeatGrace()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void aGraceShorterThanTwoIntervalsOrAMalformedDurationIsExitCode2() throws Exception {
        Path file = studyFile("");
        assertThat(run("run", file.toString(), "--storage", "memory:", "--heartbeat-grace", "15s")).isEqualTo(2);
        assertThat(lastErr).as("durations as the user writes them").contains(
                "--heartbeat-grace: expected at least twice the heartbeat interval 10s (20s), got 15s");
        assertThat(run("run", file.toString(), "--storage", "memory:", "--heartbeat-interval", "ten")).isEqualTo(2);
        assertThat(opened.get()).isNull();
    }

    /** Wiring whose every storage is {@code storage}, recording the accesses it is opened with. */
    private static Wiring sharing(io.tunelab.search.storage.InMemoryStorage storage, java.util.List<StorageAccess> accesses) {
        return new Wiring() {
            @Override
            public TrialStorage openStorage(String url) {
                return storage;
            }

            @Override
            public TrialStorage openStorage(StorageAccess access) {
                accesses.add(access);
                return storage;
            }

            @Override
            public java.util.List<io.tunelab.cli.wiring.TrainerFactory> trainers() {
                return new DefaultWiring().trainers();
            }
        };
    }

    private static Object retryPolicy(TrialStorage storage) {
        return storage.study(storage.findStudy("hb").orElseThrow().id()).systemAttrs().get(RetryPolicy.ATTR);
    }

    @Test
    void aWorkerRunsWithTheHeartbeatAndRetryLimitOfTheStudyFileStoredWithTheStudy() throws Exception {
        io.tunelab.search.storage.InMemoryStorage storage = new io.tunelab.search.storage.InMemoryStorage();
        java.util.List<StorageAccess> accesses = new java.util.concurrent.CopyOnWriteArrayList<>();
        Wiring shared = sharing(storage, accesses);
        Path file = studyFile("heartbeat: {interval: 3s, grace: 20s, max_retries: 7}\n");
        assertThat(TunelabCommand.commandLine(shared).execute("create", file.toString(), "--storage", "memory:")).isZero();
        assertThat(TunelabCommand.commandLine(shared).execute("worker", "--study", "hb", "--slots", "cpu:0",
                "--storage", "memory:")).isZero();
        StorageAccess last = accesses.get(accesses.size() - 1);
        assertThat(last.heartbeatInterval()).isEqualTo(Duration.ofSeconds(3));
        assertThat(last.heartbeatGrace()).isEqualTo(Duration.ofSeconds(20));
        assertThat(retryPolicy(storage)).as("what every reaper of the study reads").isEqualTo(new RetryPolicy(7).toAttr());
    }

    @Test
    void eachRunRecordsTheRetryLimitOfItsStudyFileTwoWhenItSetsNone() throws Exception {
        io.tunelab.search.storage.InMemoryStorage storage = new io.tunelab.search.storage.InMemoryStorage();
        Wiring shared = sharing(storage, new java.util.concurrent.CopyOnWriteArrayList<>());
        CommandLine first = TunelabCommand.commandLine(shared);
        first.setOut(new PrintWriter(new StringWriter()));
        assertThat(first.execute("run", studyFile("").toString(), "--storage", "memory:")).isZero();
        assertThat(retryPolicy(storage)).isEqualTo(Map.of("max_retries", 2)).as("the Java API's default too")
                .isEqualTo(RetryPolicy.DEFAULT.toAttr());

        CommandLine again = TunelabCommand.commandLine(shared);
        again.setOut(new PrintWriter(new StringWriter()));
        assertThat(again.execute("run", studyFile("heartbeat: {max_retries: 0}\n").toString(), "--storage", "memory:"))
                .isZero();
        assertThat(retryPolicy(storage)).as("the file's limit replaces the earlier one").isEqualTo(Map.of("max_retries", 0));
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
    void aWorkerReapingATrialWhoseWorkerDiedAppliesTheStudyFilesRetryLimit() throws Exception {
        Path storeDir = tmp.resolve("store");
        Path file = studyFile("heartbeat: {interval: 1s, grace: 2s, max_retries: 0}\n");
        Wiring real = new DefaultWiring();
        assertThat(TunelabCommand.commandLine(real).execute("create", file.toString(), "--storage", storeDir.toString()))
                .isZero();
        StorageAccess access = StorageAccess.of(storeDir.toString()).withHeartbeat(Duration.ofSeconds(1), Duration.ofSeconds(2));
        try (TrialStorage dead = real.openStorage(access)) {
            dead.createRunningTrial(dead.findStudy("hb").orElseThrow().id()); // its heartbeats stop at close
        }

        CommandLine worker = TunelabCommand.commandLine(real);
        worker.setOut(new PrintWriter(new StringWriter()));
        assertThat(worker.execute("worker", "--study", "hb", "--slots", "cpu:0", "--storage", storeDir.toString()))
                .isZero();

        try (TrialStorage reader = real.openStorage(access)) {
            java.util.List<io.tunelab.search.trial.FrozenTrial> trials = reader.trials(
                    reader.findStudy("hb").orElseThrow().id(), java.util.EnumSet.allOf(io.tunelab.search.trial.TrialState.class));
            assertThat(trials).as("the dead trial, not retried, fills the budget of 1").hasSize(1);
            assertThat(trials.get(0).message()).isEqualTo("stale: worker stopped responding; not retried (max_retries 0)");
        }
    }

    @Test
    void aRetryLimitThatIsNotAnIntegerFromZeroIsExitCode2NamingTheField() throws Exception {
        CommandLine cmd = TunelabCommand.commandLine(wiring);
        StringWriter err = new StringWriter();
        cmd.setErr(new PrintWriter(err));
        cmd.setOut(new PrintWriter(new StringWriter()));
        assertThat(cmd.execute("run", studyFile("heartbeat: {max_retries: -3}\n").toString(), "--storage", "memory:"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("heartbeat.max_retries").contains("must be an integer from 0 to 1000, got -3")
                .doesNotContain("Exception");
        assertThat(opened.get()).as("nothing was run").isNull();
    }

    @Test
    void theTrackerSendsHeartbeatsAtTheRequestedPace() {
        TrackerConfig config = TrackerLocation.config(StorageAccess.of(tmp.toString())
                .withHeartbeat(Duration.ofSeconds(4), Duration.ofSeconds(30)));
        assertThat(config.storage().heartbeatInterval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.storage().staleGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(TrackerLocation.config(tmp.toString()).storage().heartbeatInterval()).isEqualTo(Duration.ofSeconds(10));
    }
}
