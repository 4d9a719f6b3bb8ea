package io.tunelab.spark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabCommand;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The cost of the Spark path against {@code tunelab worker} processes, printed as a table: {@value #TRIALS}
 * trials that take no time ({@link InstantTrainersWiring}), against the same PostgreSQL, on two executors of a
 * local standalone cluster (driver in this JVM) and on two worker processes, {@value #ROUNDS} rounds
 * alternating. Per trial: the time from the study's first trial start to its last trial end over the trials;
 * to first trial: from submitting (or starting the worker processes) to the first trial's start. Tagged slow:
 * {@code mvn -pl spark -am verify -Dslow -Dit.test=SparkOverheadBenchIT}.
 */
@Tag("slow")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SparkOverheadBenchIT {
    private static final int TRIALS = 200;
    private static final int ROUNDS = 2;

    @TempDir
    Path dir;

    private record Row(String path, int round, long toFirstTrial, long firstToLast, long wall, int trials) {
        double perTrial() {
            return (double) firstToLast / trials;
        }
    }

    @Test
    void sparkTasksAndWorkerProcessesRunTheSameInstantTrialsAndTheirCostIsPrinted() throws Exception {
        LocalPostgres pg = PostgresAvailability.startOrSkip();
        try (LocalStandaloneCluster cluster = LocalStandaloneCluster.start(dir, "bench",
                new LocalStandaloneCluster.Shape(2, 1, false, false))) {
            String url = pg.createDatabase("bench");
            List<Row> rows = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                rows.add(workers(url, round));
                rows.add(spark(url, round, cluster.masterUrl()));
            }
            System.out.println("FIGURES | path | round | trials | submit to first trial (ms) | first to last trial (ms)"
                    + " | ms/trial | wall (ms) |");
            for (Row r : rows) {
                System.out.printf("FIGURES | %s | %d | %d | %d | %d | %.1f | %d |%n", r.path(), r.round(), r.trials(),
                        r.toFirstTrial(), r.firstToLast(), r.perTrial(), r.wall());
            }
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.printf("FIGURES round %d: Spark/worker ms per trial %.2f%n", round,
                        rows.get(2 * round - 1).perTrial() / rows.get(2 * round - 2).perTrial());
            }
        } finally {
            PostgresAvailability.stop(pg);
        }
    }

    private Row workers(String url, int round) throws Exception {
        String study = "workers-" + round;
        Path file = SparkRunCommandTest.studyFile(dir, study, TRIALS);
        CommandLine create = TunelabCommand.commandLine(new InstantTrainersWiring());
        assertThat(create.execute("create", file.toString(), "--storage", url)).isZero();
        long start = System.currentTimeMillis();
        List<Process> processes = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                    "-cp", LocalStandaloneCluster.executorClassPath(), InstantWorkerMain.class.getName(), url, study)
                    .redirectErrorStream(true).redirectOutput(dir.resolve(study + "-" + w + ".log").toFile()).start());
        }
        for (Process p : processes) {
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).isZero();
        }
        return row("tunelab worker x2", round, url, study, start);
    }

    private Row spark(String url, int round, String master) throws Exception {
        String study = "spark-" + round;
        Path file = SparkRunCommandTest.studyFile(dir, study, TRIALS);
        Map<String, String> settings = Map.of(
                "spark.executor.memory", "512m",
                "spark.cores.max", "2",
                "spark.tunelab.wiring", InstantTrainersWiring.class.getName(),
                "spark.executor.extraClassPath", LocalStandaloneCluster.executorClassPath(),
                "spark.executor.extraJavaOptions", LocalStandaloneCluster.jvmOptions());
        settings.forEach(System::setProperty);
        long start = System.currentTimeMillis();
        try {
            CommandLine cmd = TunelabSpark.commandLine(new DefaultWiring());
            StringWriter err = new StringWriter();
            cmd.setOut(new PrintWriter(new StringWriter()));
            cmd.setErr(new PrintWriter(err));
            assertThat(cmd.execute("run", file.toString(), "--storage", url, "--parallelism", "2", "--master", master))
                    .as(err.toString()).isZero();
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }
        return row("Spark, 2 executors", round, url, study, start);
    }

    private static Row row(String path, int round, String url, String study, long start) {
        long wall = System.currentTimeMillis() - start;
        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            List<FrozenTrial> trials = reader.trials(reader.findStudy(study).orElseThrow().id(), EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(TRIALS).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            long first = trials.stream().map(FrozenTrial::start).min(Comparator.naturalOrder()).orElseThrow().toEpochMilli();
            long last = trials.stream().map(FrozenTrial::end).max(Comparator.naturalOrder()).orElseThrow().toEpochMilli();
            return new Row(path, round, first - start, last - first, wall, TRIALS);
        }
    }
}
