package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabCommand;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.pg.LocalPostgres;
import io.tunelab.tracker.pg.PostgresAvailability;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher starts {@code studies}, {@code trials}, {@code best} and {@code compare} with only the packaged
 * {@code tunelab-core.jar} and the jars {@code read.classpath} names. Each of them, on H2 and on PostgreSQL, in every
 * output format and with its errors, prints exactly what it prints with the whole class path ({@code -jar
 * tunelab.jar}): a class these commands need from a jar left off that list fails here.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ReadClassPathIT {
    private static final Path TARGET = Path.of("target").toAbsolutePath();

    @TempDir
    Path dir;

    /** A study with complete, pruned and failed trials of float, int and categorical parameters, and one empty study. */
    private static void fill(TrialStorage storage) {
        long study = storage.createStudy("mixed", List.of(Direction.MINIMIZE)).id();
        storage.setStudySystemAttr(study, "sampler", java.util.Map.of("type", "tpe", "seed", 7));
        for (int n = 0; n < 6; n++) {
            long trial = storage.createRunningTrial(study).id();
            storage.setParam(trial, "lr", 0.001 * (n + 1), FloatDistribution.logUniform(1e-4, 1e-1));
            storage.setParam(trial, "layers", 1 + n % 3, IntDistribution.uniform(1, 3));
            storage.setParam(trial, "act", n % 2 == 0 ? "relu" : "elu", CategoricalDistribution.of("relu", "elu"));
            storage.setUserAttr(trial, "note", List.of(n, 2.5, "x"));
            storage.setIntermediateValue(trial, 0, 1.0 / (n + 1));
            storage.logMetrics(trial, List.of(new MetricPoint("loss", 0, 0.5 + n, Instant.ofEpochSecond(1_700_000_000L + n))));
            TrialState state = n == 4 ? TrialState.PRUNED : n == 5 ? TrialState.FAIL : TrialState.COMPLETE;
            storage.finishTrial(trial, state, state == TrialState.COMPLETE ? List.of(0.5 - 0.1 * n) : List.of(),
                    state == TrialState.FAIL ? "diverged" : null);
        }
        storage.createStudy("empty", List.of(Direction.MAXIMIZE));
    }

    private static List<String> readClassPath() throws Exception {
        String listed = Files.readString(TARGET.resolve("read.classpath")).strip();
        List<String> path = new ArrayList<>(List.of(TARGET.resolve("tunelab-core.jar").toString()));
        Arrays.stream(listed.split(":")).map(j -> TARGET.resolve(j).toString()).forEach(path::add);
        return path;
    }

    /** Exit code, standard output and standard error of one command. */
    private record Outcome(int exit, String out, String err) {
    }

    private static Outcome run(List<String> start, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dai.djl.offline=true"));
        command.addAll(start);
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Outcome(p.exitValue(), out, err);
    }

    /**
     * Every form of the four commands: each output format, a missing trial, each kind of error (a storage URL of no
     * known database among them), the help. A command naming its own {@code --storage} keeps it.
     */
    private static final List<List<String>> ON_H2 = List.of(
            List.of("studies"), List.of("best", "mixed"), List.of("best", "mixed", "--format", "json"),
            List.of("trials", "mixed"), List.of("trials", "mixed", "--format", "csv"),
            List.of("trials", "mixed", "--format", "json", "--state", "COMPLETE,PRUNED"),
            List.of("trials", "mixed", "--filter", "params.lr > 0.002 and metrics.loss < 5 and attributes.sampler != 'x'",
                    "--sort", "value DESC", "--limit", "2"),
            List.of("trials", "mixed", "--filter", "metrics.los > 1"),
            List.of("compare", "mixed", "0", "1", "3"), List.of("compare", "mixed", "0", "99"),
            List.of("best", "no-such-study"), List.of("trials", "mixed", "--format", "xml"), List.of("trials", "--help"),
            List.of("studies", "--storage", "jdbc:foo:bar"), List.of("trials", "mixed", "--storage", "jdbc:foo:bar"));
    /** What differs on PostgreSQL is the driver and the migrations' database support: one of each format. */
    private static final List<List<String>> ON_POSTGRESQL = List.of(
            List.of("studies"), List.of("best", "mixed", "--format", "json"), List.of("trials", "mixed", "--format", "csv"));

    private void everyCommandPrintsWhatItPrintsWithTheWholeClassPath(List<List<String>> commands, String storage)
            throws Exception {
        List<String> read = List.of("-cp", String.join(":", readClassPath()), TunelabCommand.class.getName());
        List<String> whole = List.of("-jar", TARGET.resolve("tunelab.jar").toString());
        for (List<String> words : commands) {
            List<String> args = new ArrayList<>(words);
            if (!words.contains("--help") && !words.contains("--storage")) {
                args.addAll(List.of("--storage", storage));
            }
            String[] argv = args.toArray(String[]::new);
            Outcome onReadPath = run(read, argv);
            Outcome onWholePath = run(whole, argv);
            String what = String.join(" ", words);
            assertThat(onReadPath.err()).as(what).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException")
                    .doesNotContain("ServiceConfigurationError");
            assertThat(onReadPath).as(what).isEqualTo(onWholePath);
        }
    }

    @Test
    void onH2TheReadCommandsNeedNoJarBeyondTheReadClassPath() throws Exception {
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            fill(storage);
        }
        everyCommandPrintsWhatItPrintsWithTheWholeClassPath(ON_H2, dir.toString());
    }

    @Test
    void onH2AReadCommandThatLogsNothingNeverStartsTheLoggingBackEnd() throws Exception {
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            fill(storage);
        }
        for (String command : List.of("studies", "best")) {
            Path loaded = dir.resolve(command + "-classes.log");
            List<String> start = List.of("-Xlog:class+load=info:file=" + loaded, "-cp", String.join(":", readClassPath()),
                    TunelabCommand.class.getName());
            Outcome outcome = command.equals("best") ? run(start, "best", "mixed", "--storage", dir.toString())
                    : run(start, "studies", "--storage", dir.toString());
            assertThat(outcome.exit()).as(outcome.err()).isZero();
            assertThat(Files.readString(loaded)).as(command).contains("io.tunelab.tracker.jdbc.Database ")
                    .doesNotContain("org.slf4j.LoggerFactory");
        }
    }

    @Test
    void onPostgresqlTheReadCommandsNeedNoJarBeyondTheReadClassPath() throws Exception {
        LocalPostgres pg = PostgresAvailability.startOrSkip();
        try {
            String url = pg.createDatabase("readpath");
            try (TrialStorage storage = new DefaultWiring().openStorage(url)) {
                fill(storage);
            }
            everyCommandPrintsWhatItPrintsWithTheWholeClassPath(ON_POSTGRESQL, url);
        } finally {
            PostgresAvailability.stop(pg);
        }
    }

    @Test
    void theReadClassPathIsTheCoreJarAndJarsThatWerePackaged() throws Exception {
        List<String> path = readClassPath();
        assertThat(path).allSatisfy(j -> assertThat(Path.of(j)).isRegularFile());
        assertThat(path.stream().map(j -> Path.of(j).getFileName().toString()).collect(Collectors.toList()))
                .anyMatch(n -> n.startsWith("tunelab-tracker-")).anyMatch(n -> n.startsWith("h2-"))
                .anyMatch(n -> n.startsWith("postgresql-")).anyMatch(n -> n.startsWith("picocli-"))
                .noneMatch(n -> n.startsWith("tunelab-dashboard-") || n.startsWith("api-") || n.startsWith("tribuo-"));
    }
}
