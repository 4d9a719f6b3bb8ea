package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.pruner.MedianPruner;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dry run of a Tribuo study checks beyond its space: the metric against the data's task, and the pruner. */
class TribuoStudyChecksTest {

    private static StudySpec spec(String direction, String metric, String pruner, String data) {
        return new StudySpecParser().parse("""
                study: checks
                direction: %s
                metric: %s
                sampler: {type: random, seed: 1}
                pruner: %s
                budget: {trials: 12}
                trainer: tribuo-cart
                data: %s
                space:
                  max_depth: {int: [1, 8]}
                  min_child_weight: {float: [1, 30]}
                """.formatted(direction, metric, pruner, data), "checks.yaml");
    }

    @Test
    void aLossIsRefusedWithTheMetricsTribuoReportsNotTakenForAccuracy() {
        StudySpec spec = spec("minimize", "val_loss", "{type: none}",
                "{dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessage("metric: Tribuo trainers report accuracy, macro_f1, rmse, mae or r2 (as val_ names too), got"
                        + " 'val_loss'; they report no loss: for a classifier use accuracy or macro_f1, for a regressor rmse or mae");
    }

    @Test
    void aRegressionMetricOnASyntheticClassificationIsRefusedAtMetric() {
        StudySpec spec = spec("minimize", "rmse", "{type: none}",
                "{dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessage("metric: 'rmse' scores regression, but data 'synthetic-classification' is a classification task;"
                        + " expected accuracy or macro_f1");
    }

    @Test
    void aClassificationMetricOnACsvDeclaredAsRegressionIsRefusedAtMetric() {
        StudySpec spec = spec("maximize", "accuracy", "{type: none}", "{dataset: d.csv, target: y, task: regression}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("metric: 'accuracy' scores classification, but data 'd.csv' is a regression task;"
                        + " expected rmse, mae or r2, or set data.task: classification if the target is a class label"
                        + System.lineSeparator() + "data.dataset: no such file d.csv");
    }

    @Test
    void aContinuousTargetWithoutATaskIsRefusedAtDataTargetRatherThanTrainedAsThousandsOfClasses(@TempDir Path dir)
            throws IOException {
        Path csv = TestCsv.regression(dir, 300);
        StudySpec accuracy = spec("maximize", "accuracy", "{type: none}", "{dataset: '" + csv + "', target: y}");
        StudySpec rmse = spec("minimize", "rmse", "{type: none}", "{dataset: '" + csv + "', target: y}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(accuracy)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.target: CSV " + csv + " column 'y' holds numbers that are not whole, such as")
                .hasMessageEndingWith("set data.task: regression (and a regression metric such as rmse)");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(rmse)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("metric: 'rmse' scores regression, but data '" + csv + "' is a classification task"
                        + " (data.task is classification unless given); expected accuracy or macro_f1, or set data.task:"
                        + " regression if the target is a quantity to predict");
    }

    @Test
    void aCsvFileThatDoesNotExistIsRefusedAtDataDataset() {
        StudySpec spec = spec("maximize", "accuracy", "{type: none}", "{dataset: nofile.csv, target: y}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.dataset: no such file nofile.csv");
    }

    @Test
    void aCsvTargetTheHeaderLacksIsRefusedAtDataTargetWithADidYouMean(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,b,colour,y\n1,2,red,0\n");
        StudySpec spec = spec("maximize", "accuracy", "{type: none}", "{dataset: '" + csv + "', target: yy}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.target: CSV " + csv + " has no column 'yy'")
                .hasMessageContaining("'y'").hasMessageEndingWith("its header is [a, b, colour, y]");
    }

    @Test
    void aWordInTheFirstRowsOfAColumnCategoricalLeavesNumericIsRefusedAtDataCategorical(@TempDir Path dir)
            throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "sq ft,rooms,city,y\n50,3,Oslo,1\n60,abc,Bergen,2\n70,NULL,Oslo,3\n");
        StudySpec strict = spec("minimize", "rmse", "{type: none}",
                "{dataset: '" + csv + "', target: y, task: regression, categorical: [city]}");
        StudySpec inferred = spec("minimize", "rmse", "{type: none}", "{dataset: '" + csv + "', target: y, task: regression}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(strict)).isInstanceOf(CliException.class)
                .hasMessage("data.categorical: CSV " + csv + " column 'rooms' is not numeric (line 3 holds 'abc'); with"
                        + " data.categorical given, every other column but the target is read as numbers: list 'rooms' in"
                        + " categorical too");
        assertThat(new TribuoTrainers().configuration(inferred).trainer()).isEqualTo("tribuo-cart (regression)");
    }

    @Test
    void aWordInARegressionsTargetIsRefusedAtDataTargetNotAClassifiersLabel(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("d.csv"), "a,b,y\n1,2,0.5\n3,4,high\n");
        StudySpec regression = spec("minimize", "rmse", "{type: none}", "{dataset: '" + csv + "', target: y, task: regression}");
        StudySpec classification = spec("maximize", "accuracy", "{type: none}", "{dataset: '" + csv + "', target: y}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(regression)).isInstanceOf(CliException.class)
                .hasMessage("data.target: CSV " + csv + " column 'y' is not numeric (line 3 holds 'high'); the target of a"
                        + " regression needs a number in every row: correct that line or remove it");
        assertThat(new TribuoTrainers().configuration(classification).trainer()).startsWith("tribuo-cart");
    }

    @Test
    void aPrunerOverAHoldOutIsRefusedSinceEachTrialReportsOneStep() {
        StudySpec spec = spec("maximize", "accuracy", "{type: median, startup_trials: 2}",
                "{dataset: synthetic-classification, samples: 200, classes: 2, seed: 1, valid_split: 0.2}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("pruner.type: median stops a trial between the steps it reports")
                .hasMessageContaining("data.valid_split").hasMessageContaining("data.folds");
    }

    @Test
    void aPrunerOverCrossValidationStopsTrialsBetweenFoldsComparingTheRunningMeans() {
        StudySpec spec = spec("maximize", "accuracy", "{type: median, startup_trials: 2}",
                "{dataset: synthetic-classification, samples: 200, classes: 2, seed: 1, folds: 5}");
        Study study = Study.builder(spec.study()).direction(spec.directions().get(0)).seed(3)
                .sampler(RandomSampler::new).pruner(new MedianPruner(2, 0, 1, 1)).create();

        study.optimize(new TribuoTrainers().create(spec), OptimizeOptions.trials(12).withParallelism(1));

        List<FrozenTrial> pruned = study.trials().stream().filter(t -> t.state() == TrialState.PRUNED).toList();
        assertThat(pruned).isNotEmpty().allSatisfy(t -> assertThat(t.intermediateValues().size()).isBetween(1, 4));
        assertThat(study.trials()).filteredOn(t -> t.state() == TrialState.COMPLETE).allSatisfy(t ->
                assertThat(t.intermediateValues().get(4)).isEqualTo(t.value()));
    }
}
