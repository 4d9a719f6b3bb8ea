package io.tunelab.trainers.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
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
        float[] x = data.train().features();
        assertThat(new float[] {x[0], x[1], x[8], x[9]}).containsExactly(0, 100, 4, 104);
        assertThat(data.train().targets()[0]).isEqualTo(5);
        assertThat(data.train().targets()[1]).isEqualTo(6);
        assertThat(data.valid().features()[0]).as("validation starts where training ends").isEqualTo(60);
        float[] lastTrainTargets = data.train().targets();
        assertThat(lastTrainTargets[lastTrainTargets.length - 1]).as("no training target from the validation segment")
                .isEqualTo(59);
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
        assertThatThrownBy(() -> SeriesDatasets.csv(file, "value", 3, 1, 0.2, 0.2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("'2020-01-10' is not a number")
                .hasMessageContaining("or leave the column out of the series (data.drop: [date])")
                .hasMessageNotContaining("categorical");
        assertThatThrownBy(() -> SeriesDatasets.csv(file, "value", List.of("dates"), 3, 1, 0.2, 0.2))
                .isInstanceOf(TrainersException.class).hasMessageContaining("no column(s) [dates] to drop");
    }
}
