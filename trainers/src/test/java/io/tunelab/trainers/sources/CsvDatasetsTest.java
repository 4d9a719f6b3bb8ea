package io.tunelab.trainers.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.Task;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetsTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    /** 100 rows: x numeric (row number, one missing), colour categorical, y = 2x (regression) or x's parity. */
    private Path table() throws IOException {
        StringBuilder csv = new StringBuilder("x,colour,y,kind\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i == 7 ? "" : Integer.toString(i)).append(',').append(i % 3 == 0 ? "red" : "blue").append(',')
                    .append(String.format(Locale.ROOT, "%.1f", 2.0 * i)).append(',').append(i % 2 == 0 ? "even" : "odd")
                    .append('\n');
        }
        return write("table.csv", csv.toString());
    }

    @Test
    void aRegressionCsvBecomesStandardisedOneHotSplitsWithTheEncoderFittedOnTheTrainingPartOnly() throws IOException {
        TrainingData data = CsvDatasets.load(table(), CsvOptions.regression("y").withCategorical("kind"), 0.2, 0.25, 3);
        DatasetSplits splits = data.splits();

        assertThat(splits.test().size()).isEqualTo(20);
        assertThat(splits.valid().size()).isEqualTo(20);
        assertThat(splits.train().size()).isEqualTo(60);
        assertThat(splits.train().isRegression()).isTrue();
        assertThat(splits.train().targetWidth()).isEqualTo(1);
        assertThat(data.card().task()).isEqualTo(Task.REGRESSION);
        assertThat(data.card().input()).isEqualTo(DataCard.Input.FEATURES);
        assertThat(data.card().encoder().featureNames())
                .containsExactly("x", "colour=blue", "colour=red", "kind=even", "kind=odd");
        int[] shape = splits.train().exampleShape();
        assertThat(shape).containsExactly(5);
        double mean = 0;
        for (int i = 0; i < splits.train().size(); i++) {
            mean += splits.train().features()[i * 5];
        }
        assertThat(mean / splits.train().size()).as("x standardised on the training rows").isCloseTo(0, within(1e-5));
    }

    @Test
    void regressionTargetsAreStandardisedByTheTrainingPartAloneAndTheCardKeepsTheScaling() throws IOException {
        TrainingData raw = CsvDatasets.load(table(), CsvOptions.regression("y").withCategorical("kind"), 0.2, 0.25, 3);
        Scaling scaling = raw.card().scaling();
        DatasetSplits splits = raw.splits();

        assertThat(scaling).isNotNull();
        assertThat(scaling.inputColumns()).as("features are the encoder's").isZero();
        double[] train = new double[splits.train().size()];
        double sum = 0;
        for (int i = 0; i < train.length; i++) {
            train[i] = scaling.unscaleTarget(splits.train().targets()[i]);
            sum += train[i];
        }
        double trainMean = sum / train.length;
        double squares = 0;
        for (double t : train) {
            squares += (t - trainMean) * (t - trainMean);
        }
        assertThat(scaling.targetMean()).as("the mean of the training targets alone").isCloseTo(trainMean, within(1e-3));
        assertThat(scaling.targetStd()).isCloseTo(Math.sqrt(squares / train.length), within(1e-3));
        double scaledSum = 0;
        for (float t : splits.train().targets()) {
            scaledSum += t;
        }
        assertThat(scaledSum / train.length).isCloseTo(0, within(1e-5));
        var x = raw.card().encoder().columns().get(0);
        for (int i = 0; i < splits.valid().size(); i++) {
            // y = 2x: a validation row's original target is twice its x (but for the row whose x was imputed)
            double xi = splits.valid().features()[i * 5] * x.scale() + x.mean();
            if (Math.abs(xi - x.fillNumber()) > 1e-3) {
                assertThat(scaling.unscaleTarget(splits.valid().targets()[i])).isCloseTo(2 * xi, within(1e-2));
            }
        }
        assertThat(CsvDatasets.load(table(), CsvOptions.classification("kind"), 0.2, 0.2, 1).card().scaling())
                .as("class labels are not scaled").isNull();
    }

    @Test
    void aClassificationCsvKeepsItsClassNamesInTheCard() throws IOException {
        TrainingData data = CsvDatasets.load(table(), CsvOptions.classification("kind"), 0.2, 0.2, 1);
        DatasetSplits splits = data.splits();

        assertThat(data.card().classes()).containsExactly("even", "odd");
        assertThat(splits.train().numClasses()).isEqualTo(2);
        assertThat(splits.train().isRegression()).isFalse();
    }

    @Test
    void aRaggedRowIsReportedWithItsLine() throws IOException {
        Path file = write("ragged.csv", "a,b,y\n1,2,3\n\n4,5\n");

        assertThatThrownBy(() -> CsvDatasets.load(file, CsvOptions.regression("y"), 0.2, 0.2, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'ragged.csv' line 4")
                .hasMessageContaining("has 2 fields, but the header has 3");
    }

    @Test
    void aWordInANumericColumnIsReportedWithItsLineAndColumnWhenNumbersAreRequired() throws IOException {
        Path file = write("words.csv", "a,b,y\n1,2,3\n4,five,6\n");
        CsvOptions strict = CsvOptions.regression("y").withStrictNumeric(true);

        assertThatThrownBy(() -> CsvDatasets.load(file, strict, 0.2, 0.2, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'words.csv' line 3, column 2 ('b')")
                .hasMessageContaining("'five' is not a number");
    }

    @Test
    void aMissingTargetColumnIsReportedWithTheHeader() throws IOException {
        Path file = write("nohead.csv", "a,b\n1,2\n");

        assertThatThrownBy(() -> CsvDatasets.load(file, CsvOptions.regression("y"), 0.2, 0.2, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("has no target column 'y'")
                .hasMessageContaining("[a, b]");
    }

    @Test
    void aNonNumericRegressionTargetIsReportedWithItsLine() throws IOException {
        Path file = write("target.csv", "a,y\n1,2\n3,high\n");

        assertThatThrownBy(() -> CsvDatasets.load(file, CsvOptions.regression("y"), 0.2, 0.2, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("line 3: regression target 'y' holds 'high'");
    }

    @Test
    void aMissingTargetIsReportedWithFileLineAndColumn() throws IOException {
        Path regression = write("gap.csv", "a,y,b\n1,2,3\n4,,6\n");
        Path classes = write("gapclass.csv", "a,b,label\n1,2,x\n4,5,y\n7,8,NA\n");

        assertThatThrownBy(() -> CsvDatasets.load(regression, CsvOptions.regression("y"), 0.2, 0.2, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'gap.csv' line 3, column 2 ('y')")
                .hasMessageContaining("target is missing");
        assertThatThrownBy(() -> CsvDatasets.load(classes, CsvOptions.classification("label"), 0.2, 0.2, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'gapclass.csv' line 4, column 3 ('label')")
                .hasMessageContaining("target is missing ('NA')");
    }

    @Test
    void missingFeaturesAreImputedWithTheMedianAndMostFrequentLevelOfTheTrainingRowsOnly() throws IOException {
        // x is i squared, every tenth row missing; which rows train depends on the split, so the median is taken from it
        StringBuilder csv = new StringBuilder("x,colour,y\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 10 == 3 ? "" : Integer.toString(i * i)).append(',')
                    .append(i % 10 == 5 ? "?" : i % 4 == 0 ? "red" : "blue").append(',').append(i % 2).append('\n');
        }
        TrainingData data = CsvDatasets.load(write("gaps.csv", csv.toString()), CsvOptions.regression("y"), 0.3, 0.3, 4);
        var x = data.card().encoder().columns().get(0);
        var colour = data.card().encoder().columns().get(1);
        io.tunelab.trainers.data.DenseDataset train = data.splits().train();
        double[] raw = new double[train.size()];
        int blue = 0;
        for (int i = 0; i < train.size(); i++) {
            raw[i] = train.features()[i * 3] * x.scale() + x.mean();
            blue += train.features()[i * 3 + 1] == 1 ? 1 : 0;
        }
        java.util.Arrays.sort(raw);
        double median = raw.length % 2 == 1 ? raw[raw.length / 2] : (raw[raw.length / 2 - 1] + raw[raw.length / 2]) / 2;

        assertThat(x.fillNumber()).as("the median of the training rows (imputed rows sit at it)").isCloseTo(median,
                within(1e-2));
        assertThat(x.fillNumber()).isNotEqualTo(x.mean());
        assertThat(colour.fillLevel()).isEqualTo("blue");
        assertThat(blue).as("imputed rows count as blue").isGreaterThan(train.size() / 2);
        assertThat(DataCard.fromMap(data.card().toMap(), "card").encoder().columns())
                .as("the fills travel with the model's transform").isEqualTo(data.card().encoder().columns());
    }

    @Test
    void theDataCardRoundTripsThroughItsFile() throws IOException {
        DataCard card = CsvDatasets.load(table(), CsvOptions.classification("kind"), 0.2, 0.2, 1).card();
        Path file = dir.resolve("card.json");

        card.write(file);
        DataCard back = DataCard.read(file);

        assertThat(back.task()).isEqualTo(card.task());
        assertThat(back.classes()).isEqualTo(card.classes());
        assertThat(back.input()).isEqualTo(card.input());
        assertThat(back.encoder().toMap()).isEqualTo(card.encoder().toMap());
    }
}
