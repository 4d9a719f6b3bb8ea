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
 * a JVM of its own started from the Spark jars of the test class path. Executors are started by the workers
 * as further JVMs. {@code SPARK_HOME} is a directory of this test: by default its {@code jars/} is empty and
 * executors get the test class path ({@code spark.executor.extraClassPath}, see {@link #executorClassPath()});
 * with {@link Shape#distribution()} its {@code jars/} holds Spark's jars ({@link #sparkJars()}), as a Spark
 * distribution's does, so that an application jar submitted with {@code spark-submit} runs as on a real
 * cluster. No Spark distribution is downloaded. The processes' logs go to {@code target/cluster-it/}.
 */
final class LocalStandaloneCluster implements AutoCloseable {
    private final Path dir;
    private final String name;
    private final int port;
    private final List<Process> processes = new ArrayList<>();

    /**
     * What the cluster offers.
     *
     * @param workers      worker JVMs
     * @param cores        cores each worker offers
     * @param gpus         whether worker {@code w} advertises one GPU of address {@code w} (a discovery script
     *                     printing {@code {"name":"gpu","addresses":["w"]}}: no real GPU is needed)
     * @param distribution whether {@code SPARK_HOME/jars} holds Spark's jars
     */
    record Shape(int workers, int cores, boolean gpus, boolean distribution) {
    }

    private LocalStandaloneCluster(Path dir, String name, int port) {
        this.dir = dir;
        this.name = name;
        this.port = port;
    }

    /** Starts the master and {@code workers} workers of one core each; executors need the test class path. */
    static LocalStandaloneCluster start(Path dir, int workers) throws Exception {
        return start(dir, "cluster", new Shape(workers, 1, false, false));
    }

    /**
     * Starts the master and the workers of {@code shape} and waits until the master has registered every worker;
     * {@code name} prefixes the logs.
     */
    static LocalStandaloneCluster start(Path dir, String name, Shape shape) throws Exception {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.createDirectories(home.resolve("launcher/target/scala-2.13"));
        if (shape.distribution()) {
            for (String jar : sparkJars()) {
                Path link = home.resolve("jars").resolve(Path.of(jar).getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, Path.of(jar));
                }
            }
        }
        LocalStandaloneCluster cluster = new LocalStandaloneCluster(dir, name, freePort());
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "spark-cluster-stop")); // even if the test JVM is stopped
        try {
            cluster.launch("master", List.of(), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                    "--port", String.valueOf(cluster.port), "--webui-port", String.valueOf(freePort()));
            for (int w = 0; w < shape.workers(); w++) {
                List<String> options = shape.gpus() ? List.of("-Dspark.worker.resource.gpu.amount=1",
                        "-Dspark.worker.resource.gpu.discoveryScript=" + gpuScript(dir, w)) : List.of();
                cluster.launch("worker-" + w, options, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
                        "--cores", String.valueOf(shape.cores()), "--memory", "1g", "--webui-port", String.valueOf(freePort()),
                        "--work-dir", cluster.workDir(w).toString(), cluster.masterUrl());
            }
            cluster.awaitLog("master", "Registering worker", shape.workers(), Duration.ofMinutes(2));
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
        return cluster;
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** Where worker {@code w} runs its executors (and, in cluster deploy mode, drivers): {@code APP/EXECUTOR/stderr}. */
    Path workDir(int w) {
        return dir.resolve("work-" + w);
    }

    /** A GPU discovery script, as Spark runs it on a worker: prints the one GPU of worker {@code w}, address {@code w}. */
    private static Path gpuScript(Path dir, int w) throws IOException {
        Path script = dir.resolve("gpus-" + w + ".sh");
        Files.writeString(script, "#!/bin/sh\necho '{\"name\":\"gpu\",\"addresses\":[\"" + w + "\"]}'\n");
        Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    /**
     * The jars of a Spark distribution's {@code jars/}: those of the test class path whose artifact is one of
     * spark-core's runtime closure ({@code spark-distribution.txt}), in the versions this build resolved. Tunelab's
     * own classes and the libraries only Tunelab uses are not among them, so a submitted application finds
     * those in its own jar or not at all.
     */
    static List<String> sparkJars() throws IOException {
        java.util.Set<String> spark;
        try (java.io.InputStream in = LocalStandaloneCluster.class.getResourceAsStream("/spark-distribution.txt")) {
            spark = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).collect(java.util.stream.Collectors.toSet());
        }
        String repository = "/.m2/repository/";
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains(repository) && p.endsWith(".jar"))
                .filter(p -> {
                    Path artifact = Path.of(p.substring(p.indexOf(repository) + repository.length())).getParent().getParent();
                    String group = artifact.getParent().toString().replace('/', '.');
                    return spark.contains(group + ":" + artifact.getFileName());
                }).toList();
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

    private void launch(String process, List<String> options, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.addAll(List.of(jvmOptions().split(" ")));
        command.addAll(options);
        command.add("-cp");
        command.add(executorClassPath());
        command.add(main);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(process).toFile());
        builder.environment().put("SPARK_HOME", dir.resolve("spark-home").toString());
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        processes.add(builder.start());
    }

    /** Waits until {@code process}'s log has {@code count} lines containing {@code text}. */
    void awaitLog(String process, String text, int count, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        Path log = log(process);
        while (System.nanoTime() < end) {
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.contains(text)).count() >= count) {
                return;
            }
            if (processes.stream().anyMatch(p -> !p.isAlive())) {
                throw new IllegalStateException("a cluster process ended; see its log in " + log.getParent());
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(process + " did not log '" + text + "' " + count + " times in " + timeout
                + "; see " + log);
    }

    private Path log(String process) throws IOException {
        Path logs = Files.createDirectories(Path.of("target", "cluster-it"));
        return logs.resolve(name + "-" + process + ".log");
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
