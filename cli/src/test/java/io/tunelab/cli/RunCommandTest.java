package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.spec.SpecFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
    private static final String EXAMPLE = Path.of("..", "examples", "fashion-mlp.yaml").toString();

    private record Result(int code, String out, String err) {
    }

    private static Result tunelab(String... args) {
        return tunelab(new DefaultWiring(), args);
    }

    private static Result tunelab(Wiring wiring, String... args) {
        CommandLine cmd = TunelabCommand.commandLine(wiring);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aDryRunPrintsTheSummaryTheSpaceAndFiveSampledConfigurations() {
        Result r = tunelab("run", "--dry-run", EXAMPLE);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("valid study 'fashion-mlp'")
                .contains("objective  maximize val_accuracy")
                .contains("sampler    tpe (seed 42, startup_trials=10)")
                .contains("pruner     asha (min_resource=1, reduction_factor=3)")
                .contains("budget     30 trials, timeout 13m, whichever comes first")
                .contains("Search space (12 parameters")
                .containsPattern("n_units_l1 +int\\[32, 512\\] log +n_hidden > 1")
                .containsPattern("momentum +float\\[0.8, 0.99\\] +optimizer in \\[momentum, nesterov\\]")
                .contains("5 configurations from a random sampler with seed 42")
                .containsPattern("PARAMETER +#0 +#1 +#2 +#3 +#4\\n")
                .doesNotContain("#5");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aDryRunShowsADashForParametersATrialDoesNotHave() {
        Result r = tunelab("run", "--dry-run", "--samples", "8", EXAMPLE);

        String momentumRow = r.out().lines().filter(l -> l.trim().startsWith("momentum ") && !l.contains("float["))
                .findFirst().orElseThrow();
        assertThat(momentumRow).contains(" - ").containsPattern("0\\.\\d+");
    }

    @Test
    void aDryRunIsReproducible() {
        assertThat(tunelab("run", "--dry-run", "--samples", "3", EXAMPLE).out())
                .isEqualTo(tunelab("run", "--dry-run", "--samples", "3", EXAMPLE).out());
    }

    @Test
    void anInvalidFileExitsWithTwoAndListsEachProblemWithItsPosition(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("study.yaml");
        Files.writeString(file, SpecFiles.replacing(8, "  learning_rate: {reciprocal: [0, 1e-1]}\n  act: {choise: [relu]}"));

        Result r = tunelab("run", "--dry-run", file.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines()).containsExactly(
                file + ":8:32: space.learning_rate.reciprocal[0]: a log (reciprocal) distribution needs low > 0, got low=0.0",
                file + ":9:8: space.act: needs one of uniform, float, reciprocal, expon, int or choice, e.g. {float: [0.0, 0.5]}",
                file + ":9:9: space.act.choise: unknown key 'choise' (did you mean 'choice'?); expected uniform, float,"
                        + " reciprocal, expon, int, choice, log, step, when or per_layer",
                "3 problems in " + file + "; nothing was run");
        assertThat(r.out()).isEmpty();
    }

    private static Path forestFile(Path dir) throws Exception {
        Path file = dir.resolve("forest.yaml");
        Files.writeString(file, """
                study: forest
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: 3}
                parallel: {workers: 2, devices: cpu}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 300, classes: 2, seed: 1}
                space:
                  max_depth: {int: [1, 6]}
                """);
        return file;
    }

    private static Wiring wiringOn(TrialStorage storage) {
        return new Wiring() {
            @Override
            public TrialStorage openStorage(String url) {
                return storage;
            }

            @Override
            public List<TrainerFactory> trainers() {
                return new DefaultWiring().trainers();
            }
        };
    }

    @Test
    void anEnqueuedTrialCountsAmongTheTrialsTheProgressBarExpects(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        Study.builder("forest").storage(storage).direction(Direction.MAXIMIZE).create()
                .enqueueTrial(Map.of("max_depth", 2));
        Result r = tunelab(wiringOn(storage), "run", forestFile(dir).toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("3/3 trials").doesNotContain("/2 trials")
                .contains("Study 'forest': 3 complete, 0 pruned, 0 failed.");
    }

    @Test
    void aRunTrainsEveryTrialPrintsProgressAndTheBestTrialsAndResumesWhereItStopped(@TempDir Path dir) throws Exception {
        Path file = forestFile(dir);
        InMemoryStorage storage = new InMemoryStorage();
        Wiring wiring = wiringOn(storage);
        Result first = tunelab(wiring, "run", file.toString());
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Running study 'forest' (budget 3 trials) on [cpu:0, cpu:1]")
                .contains("3/3 trials").contains("Study 'forest': 3 complete, 0 pruned, 0 failed.")
                .contains("Best trials:").contains("max_depth");
        assertThat(storage.findStudy("forest").orElseThrow().systemAttrs())
                .containsEntry("budget_trials", 3).containsKey("study_file");

        Files.writeString(file, Files.readString(file).replace("trials: 3", "trials: 5"));
        Result second = tunelab(wiring, "run", file.toString());
        assertThat(second.out()).contains("Resuming study 'forest' (3 trials so far, budget 5 trials)")
                .contains("5 complete");
        assertThat(tunelab(wiring, "run", file.toString()).out()).contains("already has its 5 trials");
    }

    @Test
    void anUnknownTrainerIsInvalidInput(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.yaml");
        Files.writeString(file, SpecFiles.MINIMAL);
        Result r = tunelab(new Wiring() {
            @Override
            public TrialStorage openStorage(String url) {
                return new InMemoryStorage();
            }
        }, "run", file.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no trainer named 'djl-mlp'");
        assertThat(r.out()).doesNotContain("Running study");
    }

    @Test
    void aMissingFileOrABadSampleCountIsInvalidInput() {
        assertThat(tunelab("run", "--dry-run", "no-such-study.yaml").err())
                .contains("no-such-study.yaml: (file): no such file");
        assertThat(tunelab("run", "--dry-run", "no-such-study.yaml").code()).isEqualTo(2);
        assertThat(tunelab("run", "--dry-run", "--samples", "0", EXAMPLE).code()).isEqualTo(2);
        assertThat(tunelab("run", "--dry-run", "--samples", "many", EXAMPLE).code()).isEqualTo(2);
    }

    @Test
    void helpListsTheRunCommand() {
        assertThat(tunelab("--help").out()).contains("run");
    }
}
