package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.trainers.tabular.ColumnKind;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TribuoTrainersTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "synthetic-forest.yaml");

    @Test
    void theSyntheticForestExampleTrainsForestsWithTheFileRanges() {
        StudySpec spec = new StudySpecParser().parse(EXAMPLE);
        TribuoTrainers factory = new TribuoTrainers();
        assertThat(factory.handles(spec.trainer().name())).isTrue();
        Study study = Study.builder(spec.study()).direction(spec.directions().get(0)).seed(7).create();
        study.optimize(factory.create(spec), OptimizeOptions.trials(3).withParallelism(1));
        assertThat(study.trials(Set.of(TrialState.COMPLETE))).hasSize(3);
        FrozenTrial best = study.bestTrial();
        assertThat(best.value()).isGreaterThan(0.5);
        assertThat(((Integer) best.params().get("n_trees")) % 10).isZero();
        assertThat(best.userAttrs()).containsKey("test_evaluation");
    }

    private static String forestYaml(Path csv, String samplerAndSpace) {
        return """
                study: forest
                direction: minimize
                metric: rmse
                budget: {trials: 3}
                trainer: tribuo-random-forest
                data: {dataset: %s, target: y, task: regression, valid_split: 0.25}
                %s
                """.formatted(csv, samplerAndSpace);
    }

    private static StudySpec forest(Path csv, String samplerAndSpace) {
        return new StudySpecParser().parse(forestYaml(csv, samplerAndSpace), "forest.yaml");
    }

    private static List<FrozenTrial> run(StudySpec spec, int trials) {
        Study study = Study.builder(spec.study()).direction(spec.directions().get(0)).seed(3)
                .sampler(RandomSampler::new).create();
        study.optimize(new TribuoTrainers().create(spec), OptimizeOptions.trials(trials).withParallelism(1));
        return study.trials();
    }

    @Test
    void aRandomStudyTunesExactlyTheNamedParametersAndRecordsTheOthersAtTheirDefaults(@TempDir Path dir) throws IOException {
        StudySpec spec = forest(TestCsv.regression(dir, 200), "sampler: random\nspace:\n  n_trees: {int: [3, 12]}");

        List<FrozenTrial> trials = run(spec, 3);

        assertThat(trials).hasSize(3).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.params()).containsOnlyKeys("n_trees");
            assertThat(t.userAttrs().get("fixed_params")).isEqualTo(Map.of("max_depth", Integer.MAX_VALUE,
                    "fraction_features", 0.5, "min_child_weight", 5.0));
        });
    }

    @Test
    void includeDefaultsSearchesTheBuiltInRangesToo(@TempDir Path dir) throws IOException {
        StudySpec spec = forest(TestCsv.regression(dir, 200), "sampler: random\nspace:\n  include: defaults\n"
                + "  n_trees: {choice: [3, 5]}");

        List<FrozenTrial> trials = run(spec, 2);

        assertThat(trials).allSatisfy(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.params()).containsOnlyKeys("n_trees", "max_depth", "fraction_features", "min_child_weight");
            assertThat(t.distributions().get("max_depth")).isEqualTo(IntDistribution.uniform(2, 20));
            assertThat(t.userAttrs().get("fixed_params")).isEqualTo(Map.of());
        });
    }

    @Test
    void aCsvFileIsNamedOnceByItsPathOrAsCsvWithAPathAndItsTaskIsChecked(@TempDir Path dir) throws IOException {
        Path csv = TestCsv.regression(dir, 40);
        String yaml = forestYaml(csv, "space:\n  n_trees: {int: [3, 5]}");
        StudySpec direct = new StudySpecParser().parse(yaml, "direct.yaml");
        StudySpec both = new StudySpecParser().parse(yaml.replace("task:", "path: other.csv, task:"), "both.yaml");
        StudySpec badTask = new StudySpecParser().parse(yaml.replace("task: regression", "task: ranking"), "task.yaml");

        assertThat(TribuoTrainers.split(direct)[0].rowCount()).isEqualTo(32);
        assertThat(new TribuoTrainers().configuration(direct).trainer()).isEqualTo("tribuo-random-forest (regression)");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(both)).isInstanceOf(CliException.class)
                .hasMessage("data.path: the CSV file is already named by dataset: " + csv + "; give it once");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(badTask))
                .hasMessage("data.task: expected classification or regression, got 'ranking'");
    }

    @Test
    void aWordInAColumnCategoricalLeavesNumericIsAnErrorNamingItsLineAndColumnNotACategoricalColumn(@TempDir Path dir)
            throws IOException {
        StringBuilder csv = new StringBuilder("sq ft,rooms,city,y\n");
        for (int i = 0; i < 40; i++) {
            csv.append(50 + i).append(',').append(i == 30 ? "abc" : i % 5 == 0 ? "n/a" : String.valueOf(1 + i % 4))
                    .append(',').append(i % 2 == 0 ? "Oslo" : "Bergen").append(',').append(100 + 3 * i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("reg.csv"), csv);
        String yaml = forestYaml(file, "space:\n  n_trees: {int: [3, 5]}").replace("task:", "categorical: [city], task:");
        StudySpec strict = new StudySpecParser().parse(yaml, "strict.yaml");
        StudySpec fixed = new StudySpecParser().parse(yaml.replace("reg.csv", "fixed.csv"), "fixed.yaml");
        Files.writeString(dir.resolve("fixed.csv"), csv.toString().replace("abc", "N/A"));

        assertThatThrownBy(() -> TribuoTrainers.split(strict)).isInstanceOf(CliException.class)
                .hasMessageContaining("data: CSV 'reg.csv' line 32, column 2 ('rooms'): 'abc' is not a number")
                .hasMessageEndingWith("list 'rooms' in categorical too");
        assertThat(TribuoTrainers.split(fixed)[0].kind(1)).isEqualTo(ColumnKind.NUMERIC);
    }

    @Test
    void aMetricAgainstTheDirectionIsRefused() {
        String yaml = """
                study: s
                direction: maximize
                metric: rmse
                direction_check: false
                trainer: tribuo-cart
                data: {dataset: synthetic-regression, samples: 200}
                budget: {trials: 1}
                space:
                  max_depth: {int: [2, 4]}
                """;
        StudySpec spec = new StudySpecParser().parse(yaml, "r.yaml");
        assertThatThrownBy(() -> new TribuoTrainers().create(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("direction").hasMessageContaining("minimized");
    }

    @Test
    void anUnknownDatasetIsNamed() {
        String yaml = """
                study: s
                direction: maximize
                metric: accuracy
                trainer: tribuo-cart
                data: {dataset: mnist-ish}
                budget: {trials: 1}
                space:
                  max_depth: {int: [2, 4]}
                """;
        StudySpec spec = new StudySpecParser().parse(yaml, "r.yaml");
        assertThatThrownBy(() -> new TribuoTrainers().create(spec)).hasMessageContaining("'mnist-ish'");
    }

    private static StudySpec cart(String fit) {
        return new StudySpecParser().parse("""
                study: cart
                direction: maximize
                metric: accuracy
                sampler: {type: random, seed: 3}
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 150, classes: 2, seed: 1}
                space:
                  max_depth: {int: [2, 4]}
                fit: %s
                """.formatted(fit), "cart.yaml");
    }

    private static StudySpec svm(String space) {
        return new StudySpecParser().parse("""
                study: svm
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: tribuo-libsvm
                data: {dataset: synthetic-classification, samples: 150, classes: 2, seed: 1}
                space:
                %s
                """.formatted(space.indent(2).stripTrailing()), "svm.yaml");
    }

    @Test
    void aKernelParameterIsRefusedOnlyWhenNoKernelTheSpaceCanChooseReadsIt() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(svm("kernel: {choice: [linear]}\ngamma: {float: [0.01, 1]}")))
                .isInstanceOf(CliException.class)
                .hasMessage("space.gamma: the kernel, linear, never reads 'gamma', so it would be ignored; only rbf, poly, sigmoid"
                        + " read it: give kernel one of them, or leave gamma out");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(svm("kernel: {choice: [linear, rbf]}\ndegree: {int: [2, 3]}")))
                .hasMessage("space.degree: none of the kernel choices the space can make (linear, rbf) reads 'degree', so it"
                        + " would be ignored; only poly reads it: give kernel that one, or leave degree out");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(svm("degree: {int: [2, 3]}")))
                .hasMessageStartingWith("space.degree: the kernel, rbf (the default), never reads 'degree'");
        for (String space : List.of("gamma: {float: [0.01, 1]}", "kernel: {choice: [linear, poly]}\ndegree: {int: [2, 3]}",
                "include: defaults\ndegree: {int: [2, 3]}")) {
            assertThatCode(() -> new TribuoTrainers().configuration(svm(space))).as(space).doesNotThrowAnyException();
        }
    }

    @Test
    void aChoiceTheTreeHasNoCriterionForIsRefusedByTheDryRunNamingTheCriteria() {
        StudySpec spec = new StudySpecParser().parse("""
                study: cart
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 150, classes: 2, seed: 1}
                space:
                  impurity: {choice: [gini, foo]}
                """, "cart.yaml");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessage("space.impurity: tribuo-cart (classification) cannot read 'foo' (of choice[gini, foo]):"
                        + " 'impurity' must be one of gini, entropy");
    }

    @Test
    void fitSummariesMakeTheRefittedModelLogItsTestConfusionMatrixAndFeatureImportances() {
        Study study = Study.builder("cart").direction(Direction.MAXIMIZE).create();
        study.optimize(new TribuoTrainers().create(cart("{summaries: {}}")), OptimizeOptions.trials(1));
        FrozenTrial t = study.trials().get(0);
        assertThat(study.storage().summaryTags(t.id())).extracting(SummaryTag::tag)
                .containsExactlyInAnyOrder("test/confusion_matrix", "test/confusion_matrix_table", "feature_importances",
                        "feature_importances_chart");

        Study off = Study.builder("cart-off").direction(Direction.MAXIMIZE).create();
        off.optimize(new TribuoTrainers().create(cart("{summaries: {evaluation: false}}")), OptimizeOptions.trials(1));
        assertThat(off.storage().summaryTags(off.trials().get(0).id())).isEmpty();
    }

    @Test
    void epochWiseSummariesAreRefusedForTribuoNamingTheField() {
        assertThatThrownBy(() -> new TribuoTrainers().create(cart("{summaries: {images: 1}}"))).isInstanceOf(CliException.class)
                .hasMessageContaining("fit.summaries.images: 1").hasMessageContaining("only DJL trainers");
        assertThatThrownBy(() -> new TribuoTrainers().create(cart("{summaries: {histograms: 2}}")))
                .isInstanceOf(CliException.class).hasMessageContaining("fit.summaries.histograms: 2");
    }
}
