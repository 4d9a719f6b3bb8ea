package io.tunelab.trainers.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.predict.SeriesLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeriesDatasetsTest {
    @TempDir
    Path dir;

    /** Rows t = 0..n-1 with y = t and z = 100 + t. */
    private Path ramp(int n) throws IOException {
        StringBuilder csv = new StringBuilder("z,y\n");
        for (int t = 0; t < n; t++) {
            csv.append(100 + t).append(',').append(t).append('\n');
        }
        Path file = dir.resolve("ramp.csv");
        Files.writeString(file, csv.toString());
        return file;
    }

    /** Row-major [y, z] values un-scaled by the given means and a shared std. */
    private static float[] unscaled(float[] scaled, double meanY, double meanZ, double std) {
        float[] out = new float[scaled.length];
        for (int i = 0; i < scaled.length; i++) {
            out[i] = (float) (scaled[i] * std + (i % 2 == 0 ? meanY : meanZ));
        }
        return out;
    }

    @Test
    void aCsvSeriesIsStandardisedByItsTrainingSegmentAloneAndTheCardKeepsTheScaling() throws IOException {
        TrainingData series = SeriesDatasets.csv(ramp(100), "y", 5, 2, 0.2, 0.2);
        Scaling scaling = series.card().scaling();

        // the training segment is rows 0..59: mean 29.5 (all 100 rows would give 49.5), population std of 0..59
        assertThat(scaling).isNotNull();
        assertThat(scaling.inputColumns()).isEqualTo(2);
        assertThat(scaling.targetMean()).as("fitted on the training rows only").isCloseTo(29.5, within(1e-9));
        assertThat(scaling.targetStd()).isCloseTo(Math.sqrt((60.0 * 60 - 1) / 12), within(1e-9));
        assertThat(scaling.toMap().get("input_mean")).isEqualTo(java.util.List.of(29.5, 129.5));
        double sum = 0;
        for (float t : series.splits().train().targets()) {
            sum += t;
        }
        assertThat(sum / series.splits().train().targets().length).as("training targets near mean 0")
                .isCloseTo(0, within(0.2));
        DataCard read = DataCard.fromMap(series.card().toMap(), "card");
        assertThat(read.scaling()).as("the card's JSON keeps the scaling").isEqualTo(scaling);
        assertThat(DataCard.fromMap(DataCard.regression(DataCard.Input.SERIES).toMap(), "old").scaling())
                .as("a card written without scaling reads back without").isNull();
        assertThat(DataCard.fromMap(DataCard.regression(DataCard.Input.SERIES).toMap(), "old").series())
                .as("a card written before the layout was recorded reads back without").isNull();
        assertThat(series.card().series().columns()).as("target first, then the other columns in file order")
                .containsExactly("y", "z");
    }

    @Test
    void syntheticSeriesHaveTheBookShapeAndTheSameSeedGivesTheSameSeries() {
        DatasetSplits a = SeriesDatasets.synthetic(100, 50, 1, 20, 10, 42).splits();
        DatasetSplits b = SeriesDatasets.synthetic(100, 50, 1, 20, 10, 42).splits();

        assertThat(a.train().size()).isEqualTo(70);
        assertThat(a.valid().size()).isEqualTo(20);
        assertThat(a.test().size()).isEqualTo(10);
        assertThat(a.train().exampleShape()).containsExactly(50, 1);
        assertThat(a.train().targetWidth()).isEqualTo(1);
        assertThat(a.train().features()).containsExactly(b.train().features());
        assertThat(a.test().targets()).containsExactly(b.test().targets());
        assertThat(SeriesDatasets.synthetic(100, 50, 1, 20, 10, 43).splits().train().features()).isNotEqualTo(a.train().features());
        for (float v : a.train().features()) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo(0.75f);
        }
    }

    @Test
    void theNaiveForecastOfTheSyntheticSeriesErrsAsTheBookReports() {
        DatasetSplits data = SeriesDatasets.synthetic(2000, 50, 1, 0, 1000, 7).splits();

        // The book reports a naive MSE of about 0.020 on its validation set.
        assertThat(SeriesDatasets.naiveMse(data.test())).isBetween(0.015, 0.025);
    }

    @Test
    void csvWindowsPredictTheNextValuesAndSplitsAreChronologicalSegments() throws IOException {
        TrainingData series = SeriesDatasets.csv(ramp(100), "y", 5, 2, 0.2, 0.2);
        DatasetSplits data = series.splits();

        // segments: rows 0..59 train, 60..79 valid, 80..99 test; each windowed on its own
        assertThat(data.train().size()).isEqualTo(60 - 5 - 2 + 1);
        assertThat(data.valid().size()).isEqualTo(20 - 5 - 2 + 1);
        assertThat(data.train().exampleShape()).containsExactly(5, 2);
        // values are standardised by the training segment's mean and std (rows 0..59: y 0..59, z 100..159)
        Scaling scaling = series.card().scaling();
        double std = Math.sqrt((60.0 * 60 - 1) / 12);
        float[] x = unscaled(data.train().features(), 29.5, 129.5, std);
        assertThat(new float[] {x[0], x[1], x[8], x[9]}).containsExactly(new float[] {0, 100, 4, 104}, within(1e-3f));
        assertThat(scaling.unscaleTarget(data.train().targets()[0])).isCloseTo(5, within(1e-4));
        assertThat(scaling.unscaleTarget(data.train().targets()[1])).isCloseTo(6, within(1e-4));
        assertThat(unscaled(data.valid().features(), 29.5, 129.5, std)[0]).as("validation starts where training ends")
                .isCloseTo(60, within(1e-3f));
        float[] lastTrainTargets = data.train().targets();
        assertThat(scaling.unscaleTarget(lastTrainTargets[lastTrainTargets.length - 1]))
                .as("no training target from the validation segment").isCloseTo(59, within(1e-4));
        assertThat(series.card().input()).isEqualTo(DataCard.Input.SERIES);
    }

    @Test
    void aSeriesShorterThanAWindowIsRefusedNamingTheSegment() throws IOException {
        Path file = ramp(20);

        assertThatThrownBy(() -> SeriesDatasets.csv(file, "y", 5, 2, 0.2, 0.2))
                .isInstanceOf(TrainersException.class)
                .hasMessageContaining("4 rows in its validation segment, shorter than n_steps + horizon = 7");
    }

    @Test
    void aMissingValueInASeriesIsReportedWithItsLineAndColumn() throws IOException {
        Path file = dir.resolve("gap.csv");
        Files.writeString(file, "z,y\n1,1\n,2\n3,3\n");

        assertThatThrownBy(() -> SeriesDatasets.csv(file, "y", 1, 1, 0, 0))
                .isInstanceOf(TrainersException.class).hasMessageContaining("line 3, column 'z': missing value");
    }

    @Test
    void aTextInASeriesIsReportedWithItsLineAndColumn() throws IOException {
        Path file = dir.resolve("text.csv");
        Files.writeString(file, "z,y\n1,1\nx,2\n3,3\n");

        assertThatThrownBy(() -> SeriesDatasets.csv(file, "y", 1, 1, 0, 0))
                .isInstanceOf(TrainersException.class).hasMessageContaining("line 3, column 1 ('z')");
    }

    @Test
    void aDateColumnIsLeftOutWithDropAndWithoutItTheMessageSaysSo() throws IOException {
        Path file = dir.resolve("dated.csv");
        StringBuilder csv = new StringBuilder("date,value\n");
        for (int i = 0; i < 20; i++) {
            csv.append("2020-01-").append(i + 10).append(',').append(i).append('\n');
        }
        Files.writeString(file, csv);

        TrainingData series = SeriesDatasets.csv(file, "value", List.of("date"), 3, 1, 0.2, 0.2);

        assertThat(series.splits().train().size()).isPositive();
        assertThat(series.card().series()).as("the card says how a step is laid out in the file, for predict")
                .isEqualTo(new SeriesLayout(List.of("value"), List.of("date")));
        assertThat(DataCard.fromMap(series.card().toMap(), "card").series()).isEqualTo(series.card().series());
        assertThatThrownBy(() -> SeriesDatasets.csv(file, "value", 3, 1, 0.2, 0.2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'2020-01-10' is not a number")
                .hasMessageContaining("or leave the column out of the series (data.drop: [date])")
                .hasMessageNotContaining("categorical");
        assertThatThrownBy(() -> SeriesDatasets.csv(file, "value", List.of("dates"), 3, 1, 0.2, 0.2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("no column(s) [dates] to drop");
    }
}
