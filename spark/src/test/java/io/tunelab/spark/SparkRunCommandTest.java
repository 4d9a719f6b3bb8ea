package io.tunelab.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.server.ServerOptions;
import io.tunelab.tracker.server.TrackerServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tunelab-spark.jar run} in local mode (two task threads) against a loopback {@code tunelab server}. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public class SparkRunCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result tunelabSpark(String... args) {
        CommandLine cmd = TunelabSpark.commandLine(new DefaultWiring());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        return new Result(cmd.execute(args), out.toString(), err.toString());
    }

    /** A study file over Tribuo's CART with {@code trials} trials, heartbeats every 1 s and stale after 3 s. */
    public static Path studyFile(Path dir, String study, int trials) throws Exception {
        Path file = dir.resolve(study + ".yaml");
        Files.writeString(file, """
                study: %s
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: %d}
                heartbeat: {interval: 1s, grace: 3s}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 100, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 6]}
                """.formatted(study, trials));
        return file;
    }

    @Test
    void aStudyFileRunsToItsBudgetInTwoSparkTasksAndEndsWithTheSummaryOfTunelabRun() throws Exception {
        Path file = studyFile(dir, "carts", 8);
        try (TrackerServer server = TrackerServer.start(ServerOptions.loopback(dir.resolve("server")).withReapEvery(null))) {
            Result r = tunelabSpark("run", file.toString(), "--storage", server.jdbcUrl(),
                    "--password-file", server.passwordFile().toString(), "--parallelism", "2", "--master", "local[2]");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("Running study 'carts' in 2 Spark task(s) on local[2].")
                    .contains("Study 'carts': 8 complete, 0 pruned, 0 failed.").contains("Best trials:")
                    .contains("Stored in " + server.jdbcUrl());
            long id = server.storage().findStudy("carts").orElseThrow().id();
            List<FrozenTrial> trials = server.storage().trials(id, EnumSet.allOf(TrialState.class));
            assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(IntStream.range(0, 8).boxed().toList());
        }
    }

    @Test
    void aStorageNoExecutorCanReachIsInvalidInputAndNothingRuns() throws Exception {
        Result r = tunelabSpark("run", studyFile(dir, "nowhere", 2).toString(), "--storage", "memory:",
                "--master", "local[1]");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--storage: Spark tasks need a database every executor reaches").contains("'memory:'")
                .doesNotContain("\tat ");
    }

    @Test
    void theStudysFirstFiveTrialsFailingAlikeStopBothTasksAndTheDriverExitsOneAsTunelabRunDoes() throws Exception {
        Path file = studyFile(dir, "broken", 30);
        System.setProperty("spark.tunelab.wiring", BrokenTrainersWiring.class.getName());
        try (TrackerServer server = TrackerServer.start(ServerOptions.loopback(dir.resolve("server")).withReapEvery(null))) {
            Result r = tunelabSpark("run", file.toString(), "--storage", server.jdbcUrl(),
                    "--password-file", server.passwordFile().toString(), "--parallelism", "2", "--master", "local[2]");

            assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
            assertThat(r.err()).contains("tunelab-spark run: study 'broken' stopped: the first 5 trials all failed with the"
                    + " same error: IllegalStateException: " + BrokenTrainersWiring.ERROR).contains("fail_fast: 0");
            assertThat(r.out()).contains("Study 'broken': 0 complete, 0 pruned, ");
            long id = server.storage().findStudy("broken").orElseThrow().id();
            assertThat(server.storage().trials(id, EnumSet.allOf(TrialState.class)))
                    .as("the study's first five, plus at most the one the other task was running").hasSizeBetween(5, 6)
                    .allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FAIL));
        } finally {
            System.clearProperty("spark.tunelab.wiring");
        }
    }
}
