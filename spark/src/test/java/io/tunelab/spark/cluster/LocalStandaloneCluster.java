package io.tunelab.spark.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Spark standalone cluster on this machine, bound to 127.0.0.1: a master and {@code workers} workers, each
 * a JVM of its own started from the Spark jars of the test class path, one core each. Executors are started
 * by the workers as further JVMs, with the test class path ({@code spark.executor.extraClassPath}, see
 * {@link #executorClassPath()}). {@code SPARK_HOME} is a directory of this test with an empty {@code jars/}:
 * no Spark distribution is needed. The processes' logs go to {@code target/cluster-it/}.
 */
final class LocalStandaloneCluster implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final List<Process> processes = new ArrayList<>();

    private LocalStandaloneCluster(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Starts the master and the workers and waits until the master has registered every worker. */
    static LocalStandaloneCluster start(Path dir, int workers) throws Exception {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        LocalStandaloneCluster cluster = new LocalStandaloneCluster(dir, freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "spark-cluster-stop")); // even if the test JVM is stopped
        try {
            cluster.launch("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(cluster.port), "--webui-port", String.valueOf(freePort()));
            for (int w = 0; w < workers; w++) {
                cluster.launch("worker-" + w, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", "1", "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                        "--work-dir", dir.resolve("work-" + w).toString(), cluster.masterUrl());
            }
            cluster.awaitLog("master", "Registering worker", workers, Duration.ofMinutes(2));
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /**
     * The JVM options Spark needs on Java 17, as this test JVM was given them (the module's argLine), and Spark's
     * own SLF4J provider: the cli jar's manifest brings SLF4J's simple one, which would hide the INFO lines that
     * {@link #awaitLog} reads.
     */
    static String jvmOptions() {
        return String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect")).toList())
                + " -Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider";
    }

    /** The class path executors need: this test JVM's (Spark, Tunelab and the test classes). */
    static String executorClassPath() {
        return System.getProperty("java.class.path");
    }

    /** The executor processes the workers started (Spark's {@code CoarseGrainedExecutorBackend}), alive now. */
    List<ProcessHandle> executors() {
        return processes.stream().flatMap(Process::descendants).filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).contains("CoarseGrainedExecutorBackend")).toList();
    }

    /** The process's whole command line from {@code /proc} (Linux): {@code ProcessHandle.Info} may cut a long one. */
    private static String commandLine(ProcessHandle p) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", String.valueOf(p.pid()), "cmdline")),
                    java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return p.info().commandLine().orElse("");
        }
    }

    private void launch(String name, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(jvmOptions().split(" ")));
        command.add("-cp");
        command.add(executorClassPath());
        command.add(main);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(name).toFile());
        builder.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        processes.add(builder.start());
    }

    /** Waits until {@code name}'s log has {@code count} lines containing {@code text}. */
    void awaitLog(String name, String text, int count, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Path log = log(name);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() >= count) {
                return;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a cluster process ended; see its log in " + log.getParent());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " did not log '" + text + "' " + count + " times in " + timeout
                + "; see " + log);
    }

    private static Path log(String name) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "cluster-it"));
        return logs.resolve(name + ".log");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Kills the workers' executors, the workers and the master. */
    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }
}
