package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What would fail every trial of a DJL study, or its data loading, is found by the dry run from the study file and the
 * CSV file's header and first rows, and reported at the field (file:line:column), so the run never starts.
 */
class DjlDryRunChecksTest {
    @TempDir
    Path dir;

    @BeforeEach
    void csvFiles() throws IOException {
        Files.writeString(dir.resolve("train.csv"), "x1,x2,color,label\n0.1,0.2,red,0\n0.3,0.9,blue,1\n0.5,0.5,red,1\n");
        StringBuilder series = new StringBuilder("date,value\n");
        for (int day = 1; day <= 20; day++) {
            // long enough for windows of 1 step and 1 ahead in each of its segments, as a run needs
            series.append(String.format("2020-01-%02d,%d.5%n", day, day));
        }
        Files.writeString(dir.resolve("series.csv"), series);
    }

    private CliInvocation.Result dryRun(String direction, String metric, String trainer, String data, String space)
            throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, """
                study: s
                direction: %s
                metric: %s
                budget: {trials: 1}
                trainer: %s
                data: %s
                space:
                  %s
                fit: {epochs: 1}
                """.formatted(direction, metric, trainer, data.replace("DIR", dir.toString()), space));
        return tunelab("run", "--dry-run", file.toString());
    }

    private static final String LR = "learning_rate: {float: [0.001, 0.01], log: true}";

    @Test
    void aCnnOnRowsOfACsvFileIsRefusedAtTheTrainer() throws IOException {
        CliInvocation.Result r = dryRun("minimize", "val_loss", "djl-cnn",
                "{dataset: csv, path: DIR/train.csv, target: label, categorical: [color]}", LR);

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("s.yaml:5:1: trainer: djl-cnn needs images, inputs of shape [height, width] or"
                + " [channels, height, width], but data 'csv' gives rows of features");
    }

    @Test
    void aLossOfTheOtherTaskIsRefusedAtTheSpace() throws IOException {
        CliInvocation.Result r = dryRun("minimize", "val_loss", "djl-mlp",
                "{dataset: csv, path: DIR/train.csv, target: label, categorical: [color]}", "loss: {choice: [mse]}");

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("s.yaml:8:3: space.loss: mse trains a regressor, but data 'csv' is a classification"
                + " task, so every trial drawing it would fail; expected cross_entropy");
    }

    @Test
    void aDjlMetricOptimisedTheWrongWayIsRefusedEvenWithTheNameCheckOff() throws IOException {
        CliInvocation.Result r = dryRun("maximize\ndirection_check: false", "val_loss", "djl-mlp",
                "{dataset: csv, path: DIR/train.csv, target: label, categorical: [color]}", LR);

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains(": direction: metric 'val_loss' is minimized, got maximize; expected minimize");
    }

    @Test
    void csvColumnsTheHeaderLacksAreNamedWithSuggestionsAndAMissingFileAtItsPath() throws IOException {
        CliInvocation.Result r = dryRun("minimize", "val_loss", "djl-mlp",
                "{dataset: csv, path: DIR/train.csv, target: labl, categorical: [colour]}", LR);
        CliInvocation.Result missing = dryRun("minimize", "val_loss", "djl-mlp",
                "{dataset: csv, path: DIR/nope.csv, target: label}", LR);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).containsPattern("s\\.yaml:6:\\d+: data\\.target: CSV .*train\\.csv has no column 'labl' \\(did you"
                        + " mean 'label'\\?\\); its header is \\[x1, x2, color, label]")
                .containsPattern("s\\.yaml:6:\\d+: data\\.categorical: CSV .*train\\.csv has no column 'colour' \\(did you"
                        + " mean 'color'\\?\\)");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).containsPattern("s\\.yaml:6:\\d+: data\\.path: no such file .*nope\\.csv");
    }

    @Test
    void aCsvColumnThatIsNotNumericWithCategoricalGivenIsNamed() throws IOException {
        CliInvocation.Result r = dryRun("minimize", "val_loss", "djl-mlp",
                "{dataset: csv, path: DIR/train.csv, target: label, categorical: [x1]}", LR);

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("column 'color' is not numeric (line 2 holds 'red'); with data.categorical given,"
                + " every other column but the target is read as numbers: list 'color' in categorical too");
    }

    @Test
    void aSeriesWindowOfNoStepsAndANonNumericColumnAreRefusedAndDropLeavesTheColumnOut() throws IOException {
        CliInvocation.Result zero = dryRun("minimize", "val_loss", "djl-rnn",
                "{dataset: series, path: DIR/series.csv, target: value, n_steps: 0}", LR);
        CliInvocation.Result date = dryRun("minimize", "val_loss", "djl-rnn",
                "{dataset: series, path: DIR/series.csv, target: value, n_steps: 1}", LR);
        CliInvocation.Result dropped = dryRun("minimize", "val_loss", "djl-rnn",
                "{dataset: series, path: DIR/series.csv, target: value, drop: [date], n_steps: 1}", LR);
        CliInvocation.Result typo = dryRun("minimize", "val_loss", "djl-rnn",
                "{dataset: series, path: DIR/series.csv, target: value, drop: [dates], n_steps: 1}", LR);

        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).containsPattern("s\\.yaml:6:\\d+: data\\.n_steps: expected a whole number of at least 1, got 0");
        assertThat(date.code()).isEqualTo(2);
        assertThat(date.err()).contains("column 'date' is not numeric (line 2 holds '2020-01-01'); a series reads numbers"
                + " only, each column a feature of every step: leave 'date' out with data.drop: [date]");
        assertThat(dropped.code()).as(dropped.err()).isZero();
        assertThat(typo.err()).contains("data.drop: CSV").contains("has no column 'dates' (did you mean 'date'?)");
    }

    @Test
    void aWordInTheTargetIsRefusedAtDataTargetWithItsLineNeverWithAdviceToDropTheTarget() throws IOException {
        Files.writeString(dir.resolve("series.csv"), Files.readString(dir.resolve("series.csv")).replace("2020-01-03,3.5",
                "2020-01-03,abc"));
        Files.writeString(dir.resolve("regression.csv"), "x1,x2,price\n0.1,0.2,3\n0.3,0.9,n/a?\n0.5,0.5,4\n");
        CliInvocation.Result series = dryRun("minimize", "val_loss", "djl-rnn",
                "{dataset: series, path: DIR/series.csv, target: value, drop: [date], n_steps: 1}", LR);
        CliInvocation.Result regression = dryRun("minimize", "val_loss", "djl-mlp",
                "{dataset: csv, path: DIR/regression.csv, target: price, task: regression}", LR);

        assertThat(series.code()).isEqualTo(2);
        assertThat(series.err()).containsPattern("s\\.yaml:6:\\d+: data\\.target: CSV .*series\\.csv column 'value' is not"
                        + " numeric \\(line 4 holds 'abc'\\); the target of a series needs a number in every row: correct that"
                        + " line or remove it")
                .doesNotContain("data.drop: [value]");
        assertThat(regression.code()).isEqualTo(2);
        assertThat(regression.err()).contains("column 'price' is not numeric (line 3 holds 'n/a?'); the target of a regression"
                + " needs a number in every row");
    }

    @Test
    void kerassUnitsIsAnsweredWithTheWidthTheTrainerReadsAndWhatItDoes() throws IOException {
        CliInvocation.Result rnn = dryRun("minimize", "val_loss", "djl-rnn",
                "{dataset: series, path: DIR/series.csv, target: value, drop: [date], n_steps: 1}", "units: {int: [8, 32]}");
        CliInvocation.Result mlp = dryRun("maximize", "val_accuracy", "djl-mlp",
                "{dataset: csv, path: DIR/train.csv, target: label, categorical: [color]}", "units: {int: [8, 32]}");

        assertThat(rnn.code()).as(rnn.out()).isEqualTo(2);
        assertThat(rnn.err()).containsPattern("s\\.yaml:8:3: space\\.units: djl-rnn has no parameter 'units' \\(did you mean"
                + " 'rnn_units'\\? Keras's 'units' is 'rnn_units' here: units of every recurrent layer\\); it reads ");
        assertThat(mlp.err()).contains("space.units: djl-mlp has no parameter 'units' (did you mean 'n_neurons'? Keras's"
                + " 'units' is 'n_neurons' here: units of every hidden layer)");
    }
}
