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
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Studies on one real Spark standalone cluster on this machine (a master and two workers of two cores, each a
 * JVM of its own bound to 127.0.0.1, their {@code SPARK_HOME/jars} holding Spark's jars; worker {@code w}
 * advertises one GPU of address {@code w} through a discovery script) against PostgreSQL: the application jar
 * submitted with the README's {@code spark-submit} line, and trials placed on the GPUs Spark assigned to their
 * tasks. Skipped, with a message, where PostgreSQL is not installed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class StandaloneClusterSubmitIT {
    private static final Path APPLICATION_JAR = Path.of("target", "tunelab-spark.jar");

    @TempDir
    static Path dir;
    private static LocalPostgres pg;
    private static LocalStandaloneCluster cluster;

    @BeforeAll
    static void start() throws Exception {
        pg = PostgresAvailability.startOrSkip();
        cluster = LocalStandaloneCluster.start(dir, "submit", new LocalStandaloneCluster.Shape(2, 2, true, true));
    }

    @AfterAll
    static void stop() {
        if (cluster != null) {
            cluster.close();
        }
        PostgresAvailability.stop(pg);
    }

    @Test
    void theApplicationJarSubmittedWithTheReadmeLineRunsTheStudyToItsBudgetAndPrintsTheSummary() throws Exception {
        assertThat(APPLICATION_JAR).as("the shaded jar `mvn package` builds").exists();
        String url = pg.createDatabase("submitted");
        Path file = SparkRunCommandTest.studyFile(dir, "submitted", 8);
        List<String> submit = readmeLine(List.of("--conf", "spark.task.cpus=2"), APPLICATION_JAR.toString(), file, url);

        long submitted = System.currentTimeMillis();
        Submission s = sparkSubmit(submit);

        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            long study = reader.findStudy("submitted").orElseThrow().id();
            List<FrozenTrial> trials = reader.trials(study, EnumSet.allOf(TrialState.class));
            String messages = trials.stream().map(t -> t.number() + ": " + t.message()).collect(Collectors.joining("\n"));
            assertThat(s.code()).as(s.err()).isZero();
            assertThat(s.out()).as(messages)
                    .contains("Running study 'submitted' in 2 Spark task(s) on " + cluster.masterUrl() + ".")
                    .contains("Study 'submitted': 8 complete, 0 pruned, 0 failed.").contains("Best trials:")
                    .contains("Stored in " + url);
            assertThat(trials).extracting(FrozenTrial::number).containsExactlyElementsOf(IntStream.range(0, 8).boxed().toList());
            assertThat(trials).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            assertThat(trials).extracting(t -> t.systemAttrs().get("slot")).containsOnly("cpu:0");
            System.out.printf("FIGURES spark-submit (client mode): submit-to-first-trial %d ms; 8 trials, driver %d ms%n",
                    trials.get(0).start().toEpochMilli() - submitted, System.currentTimeMillis() - submitted);
        }
    }

    /**
     * The same line with {@code --deploy-mode cluster}: the master starts the driver on a worker, which reads the
     * study file and the jar from this machine's paths; the driver needs Spark's Java 17 options
     * ({@code --driver-java-options}), and {@code spark-submit} waits for it but exits 0 however it ends. Slow (a
     * second application, its driver a JVM too), so run with {@code -Dslow}.
     */
    @Test
    @Tag("slow")
    void inClusterDeployModeTheDriverRunsOnAWorkerAndEndsWithTheSameSummary() throws Exception {
        String url = pg.createDatabase("clustermode");
        Path file = SparkRunCommandTest.studyFile(dir, "clustermode", 6);
        // A worker starts the driver without the Java 17 options spark-submit gives a client-mode driver: pass them.
        List<String> submit = readmeLine(List.of("--deploy-mode", "cluster", "--conf", "spark.task.cpus=1",
                "--conf", "spark.standalone.submit.waitAppCompletion=true",
                "--driver-java-options", LocalStandaloneCluster.jvmOptions()), APPLICATION_JAR.toAbsolutePath().toString(),
                file, url);

        long submitted = System.currentTimeMillis();
        Submission s = sparkSubmit(submit);

        assertThat(s.code()).as(s.err()).isZero();
        assertThat(s.err()).as("spark-submit exits 0 whatever the driver's end: its log says").containsPattern(
                "State of driver driver-\\S+ is FINISHED");
        String driverOut = driverOutput("stdout");
        assertThat(driverOut).as(driverOutput("stderr") + s.err())
                .contains("Running study 'clustermode' in 2 Spark task(s) on " + cluster.masterUrl() + ".")
                .contains("Study 'clustermode': 6 complete, 0 pruned, 0 failed.");
        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            List<FrozenTrial> trials = reader.trials(reader.findStudy("clustermode").orElseThrow().id(),
                    EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(6).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            System.out.printf("FIGURES spark-submit (cluster mode): submit-to-first-trial %d ms; 6 trials, submit %d ms%n",
                    trials.get(0).start().toEpochMilli() - submitted, System.currentTimeMillis() - submitted);
        }
    }

    @Test
    void eachTaskRunsItsTrialsOnTheGpuSparkAssignedIt() throws Exception {
        String url = pg.createDatabase("gpus");
        Path file = SparkRunCommandTest.studyFile(dir, "gpus", 8);
        Map<String, String> settings = Map.of(
                "spark.executor.resource.gpu.amount", "1",
                "spark.task.resource.gpu.amount", "1",
                "spark.executor.memory", "512m",
                "spark.scheduler.minRegisteredResourcesRatio", "1.0",
                "spark.tunelab.wiring", FakeGpuWiring.class.getName(),
                "spark.executor.extraClassPath", LocalStandaloneCluster.executorClassPath(),
                "spark.executor.extraJavaOptions", LocalStandaloneCluster.jvmOptions());
        settings.forEach(System::setProperty);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long submitted = System.currentTimeMillis();
        int code;
        try {
            CommandLine cmd = TunelabSpark.commandLine(new DefaultWiring());
            cmd.setOut(new PrintWriter(out));
            cmd.setErr(new PrintWriter(err));
            code = cmd.execute("run", file.toString(), "--storage", url, "--parallelism", "2", "--master", cluster.masterUrl());
        } finally {
            settings.keySet().forEach(System::clearProperty);
        }

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Study 'gpus': 8 complete, 0 pruned, 0 failed.");
        try (TrialStorage reader = new DefaultWiring().openStorage(url)) {
            long study = reader.findStudy("gpus").orElseThrow().id();
            List<FrozenTrial> trials = reader.trials(study, EnumSet.allOf(TrialState.class));
            assertThat(trials).hasSize(8).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
            assertThat(trials.stream().map(t -> t.systemAttrs().get("slot")).collect(Collectors.toSet()))
                    .as("each task's one slot is the GPU Spark gave it").containsExactlyInAnyOrder("gpu:0", "gpu:1");
            System.out.printf("FIGURES GPU tasks: submit-to-first-trial %d ms; 8 trials, driver %d ms%n",
                    trials.get(0).start().toEpochMilli() - submitted, System.currentTimeMillis() - submitted);
        }
        for (int w = 0; w < 2; w++) {
            assertThat(executorLogs(w)).as("worker %d advertises GPU %d only; its executor's task ran on it", w, w)
                    .contains("on [gpu:" + w + "]").doesNotContain("on [gpu:" + (1 - w) + "]");
        }
    }

    private record Submission(int code, String out, String err) {
    }

    /**
     * The README's {@code spark-submit} arguments with this cluster's master, {@code settings} after the main class,
     * and this database's user and password and this machine's paths.
     */
    private static List<String> readmeLine(List<String> settings, String jar, Path file, String url) {
        List<String> args = new ArrayList<>(List.of("--master", cluster.masterUrl(), "--class", "io.tunelab.spark.TunelabSpark"));
        args.addAll(settings);
        args.addAll(List.of("--conf", "spark.executorEnv.TUNELAB_DB_USER=postgres",
                "--conf", "spark.executorEnv.TUNELAB_DB_PASSWORD=unused",
                "--conf", "spark.executorEnv.TUNELAB_ARTIFACTS=" + dir.resolve("artifacts"),
                jar, "run", file.toString(), "--storage", url, "--parallelism", "2"));
        return args;
    }

    /**
     * Runs {@code spark-submit ARGS} as the script does: a JVM of Spark's jars running
     * {@code org.apache.spark.deploy.SparkSubmit}, with Spark's Java 17 options (which the script's launcher adds).
     */
    private static Submission sparkSubmit(List<String> args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(List.of(LocalStandaloneCluster.jvmOptions().split(" ")));
        command.add("-Dspark.ui.enabled=false"); // loopback only: no web UI (as SPARK_SUBMIT_OPTS would set it)
        command.add("-cp");
        command.add(String.join(File.pathSeparator, LocalStandaloneCluster.sparkJars()));
        command.add("org.apache.spark.deploy.SparkSubmit");
        command.addAll(args);
        Path out = dir.resolve("submit.out");
        Path err = dir.resolve("submit.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        // the driver's environment, as the README's export line sets it
        builder.environment().putAll(Map.of("TUNELAB_DB_USER", "postgres", "TUNELAB_DB_PASSWORD", "unused",
                "TUNELAB_ARTIFACTS", dir.resolve("artifacts").toString()));
        builder.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        Process p = builder.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("spark-submit did not end in 5 minutes; its log: " + Files.readString(err));
        }
        return new Submission(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** What the drivers that the workers started in cluster deploy mode printed ({@code driver-ID/stdout} or {@code stderr}). */
    private static String driverOutput(String stream) throws IOException {
        StringBuilder out = new StringBuilder();
        for (int w = 0; w < 2; w++) {
            try (Stream<Path> files = Files.walk(cluster.workDir(w))) {
                for (Path f : files.filter(f -> f.getFileName().toString().equals(stream)
                        && f.getParent().getFileName().toString().startsWith("driver-")).toList()) {
                    out.append(Files.readString(f));
                }
            }
        }
        return out.toString();
    }

    /** The logs ({@code stderr}) of the executors worker {@code w} started, for every application. */
    private static String executorLogs(int w) throws IOException {
        try (Stream<Path> files = Files.walk(cluster.workDir(w))) {
            StringBuilder logs = new StringBuilder();
            for (Path log : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                logs.append(Files.readString(log));
            }
            return logs.toString();
        }
    }
}
