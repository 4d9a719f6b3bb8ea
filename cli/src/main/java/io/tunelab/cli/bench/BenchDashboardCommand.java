package io.tunelab.cli.bench;

import io.tunelab.cli.error.CliException;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.bench.dashboard.DashboardBenchmark;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tunelab bench dashboard}: the dashboard at the scale on an H2 tracker database (or any
 * tracker URL): API latency of every call the study page makes and time-to-interactive of the study and scalars pages in
 * headless Chromium (see {@link DashboardBenchmark}). {@code --storage} keeps the generated database so
 * reruns skip generation.
 */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Dashboard figures on an H2 tracker (or PostgreSQL with --storage URL): a study of 10,000 trials and"
                + " 1,000,000 metric points and 50 runs x 20,000 steps; p50/p95 of the study page's API calls and"
                + " time-to-interactive of the study and scalars pages in headless Chromium, cold and warm (CSV: metric,value,unit).",
                "Targets: API p95 < 200 ms, pages interactive < 1.5 s.",
                "Example: tunelab bench dashboard --storage /tmp/dash-bench   (generated once, reused after);"
                        + " scripts/bench-postgres.sh dashboard   (a throwaway PostgreSQL server)"})
public final class BenchDashboardCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--storage", paramLabel = "DIR|URL",
            description = "Tracker directory to fill (or reuse if it holds the data already), or a database URL such as"
                    + " jdbc:postgresql://127.0.0.1:5432/postgres (its artifacts go to a temporary directory);"
                    + " default: a temporary directory, deleted after.")
    String storage;

    @Option(names = "--trials", defaultValue = "10000", description = "Trials of the study (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--points-per-trial", defaultValue = "100", description = "Metric points per trial (default: ${DEFAULT-VALUE}).")
    int pointsPerTrial;

    @Option(names = "--runs", defaultValue = "50", description = "Runs of the scalars study (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--steps", defaultValue = "20000", description = "Steps per run (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--writers", defaultValue = "4", description = "Threads writing the generated trials (default: ${DEFAULT-VALUE}).")
    int writers;

    @Option(names = "--repeats", defaultValue = "30",
            description = "Timed calls of each API endpoint after the first (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--warm-loads", defaultValue = "5", description = "Page loads after the cold one (default: ${DEFAULT-VALUE}).")
    int warmLoads;

    @Option(names = "--chromium", defaultValue = "/usr/bin/chromium", description = "Chromium binary (default: ${DEFAULT-VALUE}).")
    String chromium;

    @Option(names = "--out", defaultValue = "dashboard-bench.csv", paramLabel = "FILE.csv",
            description = "CSV of the figures; screenshots go beside it (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (trials < 1 || pointsPerTrial < 1 || runs < 1 || steps < 1 || writers < 1 || repeats < 1 || warmLoads < 0) {
            throw new CliException("--trials, --points-per-trial, --runs, --steps, --writers and --repeats must be positive"
                    + " and --warm-loads at least 0, got " + trials + ", " + pointsPerTrial + ", " + runs + ", " + steps
                    + ", " + writers + ", " + repeats + ", " + warmLoads);
        }
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new CliException("--chromium: no executable at " + chromium + " (install Debian's chromium)");
        }
        String url = storage != null && storage.startsWith("jdbc:") ? storage : null;
        boolean temporary = storage == null || url != null;
        Path dir = temporary ? Files.createTempDirectory("tunelab-bench-dashboard-") : Path.of(storage);
        try {
            new DashboardBenchmark(new DashboardBenchmark.Options(dir, url, new DashboardBenchmark.Sizes(trials, pointsPerTrial,
                    runs, steps), writers, repeats, warmLoads, chromium, out), spec.commandLine().getOut(), launcher()).run();
        } catch (DashboardException e) {
            if (e.kind() == DashboardException.Kind.CONFLICT) {
                throw new CliException("--storage " + (url != null ? url : dir) + ": " + e.getMessage());
            }
            throw e;
        } finally {
            if (temporary) {
                delete(dir);
            }
        }
        return 0;
    }

    /**
     * How the bench starts {@code tunelab studies} and {@code tunelab best}: as a user does, through the
     * {@code tunelab} launcher that started this JVM ({@code TUNELAB_LAUNCHER}); without one, this JVM's java with
     * its class-data archive, class path and root command class (read from picocli's model so that this package
     * does not depend on the root's).
     */
    private List<String> launcher() {
        return launcher(System.getenv("TUNELAB_LAUNCHER"), ProcessHandle.current().info().command().orElse("java"),
                ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getProperty("java.class.path"),
                spec.root().userObject().getClass().getName());
    }

    static List<String> launcher(String script, String java, List<String> jvmOptions, String classPath, String main) {
        if (script != null && Files.isExecutable(Path.of(script))) {
            return List.of(script);
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(classDataOptions(jvmOptions));
        command.addAll(List.of("-Dai.djl.offline=true", "-cp", classPath, main));
        return command;
    }

    /** The options among a JVM's that choose its class-data archive (the launcher's AppCDS) and quiet its logging. */
    static List<String> classDataOptions(List<String> jvmOptions) {
        return jvmOptions.stream().filter(o -> o.startsWith("-XX:SharedArchiveFile=") || o.startsWith("-Xlog:cds")).toList();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
