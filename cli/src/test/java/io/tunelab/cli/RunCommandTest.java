package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.Wiring;
import io.tunelab.spec.SpecFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.cli.wiring.TestCsv;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.nio.file.Path;
import java.util.EnumSet;
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
                .contains("sampler    tpe (seed 42, startup_trials=10, deterministic)")
                .contains("pruner     asha (min_resource=1, reduction_factor=3)")
                .contains("budget     30 trials, timeout 13m, whichever comes first")
                .contains("Search space (12 parameters")
                .containsPattern("n_units_l1 +int\\[32, 512\\] log +n_hidden > 1")
                .containsPattern("momentum +float\\[0.8, 0.99\\] +optimizer in \\[momentum, nesterov\\]")
                .contains("5 configurations from TPE's random start-up trials (it models the results only after them), with seed 42")
                .containsPattern("PARAMETER +FROM +#0 +#1 +#2 +#3 +#4\\n")
                .containsPattern("n_units_l1 +space +")
                .doesNotContain("#5")
                .contains("Fixed in every trial: the other 21 parameters djl-mlp reads:")
                .as("every hidden layer has its own width").doesNotContainPattern("\\n +n_neurons ")
                .doesNotContainPattern("\\n +(filters|cell|residual|conv1d_filters) ")
                .as("the exponential schedule reads no other schedule's options")
                .doesNotContainPattern("\\n +(lr_power|lr_patience|lr_min) ")
                .containsPattern("model +mlp +trainer\\n")
                .containsPattern("epochs +20 +fit\\n")
                .containsPattern("weight_decay +0 \\(adamw: 0.01\\) +default\\n");
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
        return CartStudyFile.named("forest").samples(300).writeTo(dir);
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
    void aStaleTrialSupersededByItsRetryLeavesItsPlaceInTheBudgetToARunThatCountsOnlyTheTrialsThatCount(@TempDir Path dir)
            throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        long id = Study.builder("forest").storage(storage).direction(Direction.MAXIMIZE).create().studyId();
        FrozenTrial stale = storage.createRunningTrial(id);
        storage.setSystemAttr(stale.id(), TrialStorage.SUPERSEDED, true);
        storage.finishTrial(stale.id(), TrialState.FAIL, List.of(), "stale: no heartbeat");
        for (int i = 0; i < 2; i++) {
            storage.finishTrial(storage.createRunningTrial(id).id(), TrialState.COMPLETE, List.of(0.5), null);
        }

        Result r = tunelab(wiringOn(storage), "run", forestFile(dir).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("(3 trials so far, 2 counting toward the budget of 3 trials; 1 to run)")
                .contains("3/3 trials").doesNotContain("4/").doesNotContain("already has its");
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
        assertThat(second.out()).contains("Resuming study 'forest' (3 trials so far, 3 counting toward the budget of 5 trials; 2 to run)")
                .contains("5 complete");
        assertThat(tunelab(wiring, "run", file.toString()).out()).contains("already has its 5 trials");
    }

    @Test
    void resumingAStudyWithAnotherDataSetIsRefusedWithTheFieldButAChangedSpaceResumes(@TempDir Path dir) throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        Wiring wiring = wiringOn(storage);
        Path file = forestFile(dir);
        assertThat(tunelab(wiring, "run", file.toString()).code()).isZero();

        Files.writeString(file, Files.readString(file).replace("samples: 300", "samples: 200").replace("trials: 3", "trials: 4"));
        Result otherData = tunelab(wiring, "run", file.toString());
        Result replaced = tunelab(wiring, "run", file.toString(), "--replace-file");
        Files.writeString(file, Files.readString(file).replace("[1, 6]", "[1, 8]").replace("trials: 4", "trials: 5"));
        Result widened = tunelab(wiring, "run", file.toString());

        assertThat(otherData.code()).isEqualTo(2);
        assertThat(otherData.err()).contains("  data.samples: 300 → 200").doesNotContain("budget.trials").contains("--replace-file");
        assertThat(replaced.code()).as(replaced.err()).isZero();
        assertThat(replaced.out()).contains("4 complete");
        assertThat(widened.code()).as(widened.err()).isZero();
        assertThat(widened.out()).contains("resumes with a changed search space").contains("5 complete");
    }

    @Test
    void aWarmStartedRunUsesTheEarlierStudysTrialsAndAMissingEarlierStudyIsInvalidInput(@TempDir Path dir)
            throws Exception {
        InMemoryStorage storage = new InMemoryStorage();
        Wiring wiring = wiringOn(storage);
        assertThat(tunelab(wiring, "run", forestFile(dir).toString()).code()).isZero();
        Path warm = Files.writeString(dir.resolve("warm.yaml"), Files.readString(forestFile(dir))
                .replace("study: forest", "study: forest-again")
                .replace("sampler: {type: random, seed: 3}", "sampler: {type: tpe, seed: 3, warm_start: {study: forest}}"));
        Result r = tunelab(wiring, "run", warm.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(storage.findStudy("forest-again").orElseThrow().systemAttrs().get("sampler")).asString()
                .contains("warm_start={").contains("study=forest");

        Path missing = Files.writeString(dir.resolve("missing.yaml"), Files.readString(warm).replace("study: forest}",
                "study: nowhere}").replace("study: forest-again", "study: third"));
        Result bad = tunelab(wiring, "run", missing.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("sampler.warm_start.study: no study named 'nowhere'");
    }

    /** The book's housing-chapter grid: n_trees x fraction_features on a CSV regression, the rest at defaults. */
    private static Path housingGrid(Path dir) throws Exception {
        Path csv = TestCsv.regression(dir, 160);
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, """
                study: housing-grid
                direction: minimize
                metric: rmse
                sampler: grid
                budget: {trials: 12}
                trainer: tribuo-random-forest
                data: {dataset: csv, path: %s, target: y, task: regression, valid_split: 0.25}
                space:
                  n_trees: {choice: [3, 10, 30]}
                  fraction_features: {choice: [0.2, 0.4, 0.6, 0.8]}
                """.formatted(csv));
        return file;
    }

    @Test
    void aGridStudyOverTwoForestParametersRunsAllTwelveCombinationsWithTheOthersAtTheirDefaults(@TempDir Path dir)
            throws Exception {
        InMemoryStorage storage = new InMemoryStorage();

        Result r = tunelab(wiringOn(storage), "run", housingGrid(dir).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Study 'housing-grid': 12 complete, 0 pruned, 0 failed.");
        List<FrozenTrial> trials = storage.trials(storage.findStudy("housing-grid").orElseThrow().id(),
                EnumSet.allOf(TrialState.class));
        assertThat(trials).hasSize(12).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.params()).containsOnlyKeys("n_trees", "fraction_features");
            assertThat(t.userAttrs().get("fixed_params")).isEqualTo(Map.of("max_depth", Integer.MAX_VALUE,
                    "min_child_weight", 5.0));
        });
        assertThat(trials.stream().map(t -> List.of(t.params().get("n_trees"), t.params().get("fraction_features"))))
                .doesNotHaveDuplicates();
    }

    @Test
    void aDryRunOfTheGridStudyShowsItsFirstPointsAndTheDefaultsEveryTrialReads(@TempDir Path dir) throws Exception {
        Result r = tunelab("run", "--dry-run", housingGrid(dir).toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("""
                5 configurations from the grid sampler: the first 5 of its 12 points (dry run: nothing is trained or \
                stored; '-' = not used):
                  PARAMETER          FROM   #0   #1   #2   #3   #4
                  n_trees            space  3    3    3    3    10
                  fraction_features  space  0.2  0.4  0.6  0.8  0.2

                Fixed in every trial: the other 2 parameters tribuo-random-forest (regression) reads:
                  PARAMETER         VALUE                   FROM
                  max_depth         2147483647 (unlimited)  default
                  min_child_weight  5                       default
                """);
    }

    @Test
    void aDryRunRefusesWhatTheTrainerCannotRunNamingTheFieldWithExitTwo(@TempDir Path dir) throws Exception {
        String grid = Files.readString(housingGrid(dir));
        Map<String, String> refused = Map.of(
                grid.replace("fraction_features:", "max_features:"),
                "run: space.max_features: tribuo-random-forest (regression) has no parameter 'max_features' (scikit-learn's"
                        + " name; give a fraction of the features); Tunelab calls it 'fraction_features'; it reads"
                        + " n_trees, max_depth, fraction_features, min_child_weight",
                grid.replace("{choice: [3, 10, 30]}", "{choice: [few, many]}"),
                "run: space.n_trees: tribuo-random-forest (regression) reads 'n_trees' as an integer (default 100), but"
                        + " choice[few, many] has other values",
                grid.replace("space:\n", "space:\n  include: defaults\n"),
                "run: space.include: the grid sampler needs a finite set of values for every searched parameter, but"
                        + " tribuo-random-forest (regression)'s built-in range of 'min_child_weight' is"
                        + " float[1.0, 16.0] log",
                SpecFiles.MINIMAL.replace("data: {dataset: d}", "data: fashion-mnist")
                        .replace("  lr:", "  include: defaults\n  learning_rate:"),
                "run: space.include: djl-mlp has no built-in ranges; name each parameter to search in the space instead of"
                        + " include: defaults",
                SpecFiles.MINIMAL.replace("data: {dataset: d}", "data: fashion-mnist"),
                "run: space.lr: djl-mlp has no parameter 'lr'");
        int i = 0;
        for (Map.Entry<String, String> e : refused.entrySet()) {
            Path file = Files.writeString(dir.resolve("refused-" + i++ + ".yaml"), e.getKey());
            for (String command : List.of("--dry-run", "--storage=memory:")) {
                Result r = tunelab("run", command, file.toString());
                assertThat(r.code()).as(r.err()).isEqualTo(2);
                assertThat(r.err()).as("located at the field").startsWith(file + ":")
                        .contains(": " + e.getValue().substring("run: ".length()))
                        .doesNotContain("Exception").doesNotContain("\tat ");
                assertThat(r.out()).doesNotContain("Running study");
            }
        }
    }

    @Test
    void aProblemTheTrainerFindsIsPrintedAtTheLineAndColumnOfTheFieldItNames(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("swish.yaml"), """
                study: swish
                direction: maximize
                metric: val_accuracy
                budget: {trials: 1}
                trainer: djl-mlp
                data: fashion-mnist
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                  activation: {choice: [relu, swish]}
                fit: {epochs: 1, schedule: {type: cosine, s: 3}}
                """);

        Result r = tunelab("run", "--dry-run", file.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith(file + ":10:43: fit.schedule.s: the cosine schedule does not read s")
                .contains("1 problem in " + file + " for its trainer; nothing was run");
        Files.writeString(file, Files.readString(file).replace(", s: 3", ""));
        assertThat(tunelab("run", "--dry-run", file.toString()).err())
                .startsWith(file + ":9:3: space.activation: djl-mlp cannot read 'swish'");
    }

    @Test
    void aDryRunReportsEveryProblemTheTrainersChecksFindEachAtItsPosition(@TempDir Path dir) throws Exception {
        Path djl = Files.writeString(dir.resolve("djl.yaml"), """
                study: djl
                direction: maximize
                metric: val_accuracy
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: fashion-mnist, valid_splitt: 5000}
                space:
                  activation: {choice: [relu, bogus]}
                  filters: {int: [8, 32]}
                  n_hidden: {int: [1, 2]}
                  n_units_l5: {int: [8, 16]}
                  wibble: {float: [0.1, 0.2]}
                """);

        Result r = tunelab("run", "--dry-run", djl.toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith(djl + ":6:32: data.valid_splitt: DJL's fashion-mnist has no option 'valid_splitt'"),
                l -> assertThat(l).startsWith(djl + ":8:3: space.activation: djl-mlp cannot read 'bogus'"),
                l -> assertThat(l).startsWith(djl + ":9:3: space.filters: djl-mlp never reads 'filters'"),
                l -> assertThat(l).startsWith(djl + ":11:3: space.n_units_l5: djl-mlp reads n_units_l5 only in trials"),
                l -> assertThat(l).startsWith(djl + ":12:3: space.wibble: djl-mlp has no parameter 'wibble'"),
                l -> assertThat(l).isEqualTo("5 problems in " + djl + " for its trainer; nothing was run"));

        Path tribuo = Files.writeString(dir.resolve("tribuo.yaml"), """
                study: tribuo
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: {name: tribuo-random-forest, max_depth: 3}
                data: {dataset: synthetic-classification, classes: 40}
                space:
                  max_depth: {int: [0, 5]}
                fit: {epochs: 3}
                constraints: [bogus_metric]
                """);

        Result t = tunelab("run", "--dry-run", tribuo.toString());

        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err().lines().toList()).satisfiesExactly(
                l -> assertThat(l).startsWith(tribuo + ":5:39: trainer.max_depth: the trainer section takes only"),
                l -> assertThat(l).startsWith(tribuo + ":6:43: data.classes: expected a whole number from 2 to 16, got 40"),
                l -> assertThat(l).startsWith(tribuo + ":8:3: space.max_depth: tribuo-random-forest (classification) cannot"
                        + " read 0"),
                l -> assertThat(l).startsWith(tribuo + ":9:7: fit.epochs: tribuo-random-forest trains no epochs"),
                l -> assertThat(l).startsWith(tribuo + ":10:15: constraints[0]: tribuo-random-forest trials report no metric"),
                l -> assertThat(l).isEqualTo("5 problems in " + tribuo + " for its trainer; nothing was run"));
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
