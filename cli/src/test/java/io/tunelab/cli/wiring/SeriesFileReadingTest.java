package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run reads a series file through once: its header and first rows, then every line once, which checks the numbers
 * of its features and of its target and counts its rows for the window check, however large the file.
 */
class SeriesFileReadingTest {
    private static final int ROWS = 1_000;

    @TempDir
    Path dir;

    private StudySpec series(String nSteps, String target) throws IOException {
        StringBuilder text = new StringBuilder("date,temp,value\n");
        for (int r = 0; r < ROWS; r++) {
            text.append("2020-01-01,").append(r % 11).append(',').append(r == ROWS - 1 ? target : String.valueOf(r % 7))
                    .append('\n');
        }
        Path csv = Files.writeString(dir.resolve("series.csv"), text);
        return RnnStudyFile.of("{dataset: series, path: %s, target: value, drop: [date], n_steps: %s}".formatted(csv, nSteps));
    }

    @Test
    void aValidSeriesIsReadThroughOnceAfterItsHeader() throws IOException {
        CountingFiles files = new CountingFiles();

        DjlData.checkValues(series("10", "3"), files);

        assertThat(files.opened).as("the header and first rows, then the whole file").isEqualTo(2);
        assertThat(files.lines).as("lines read").isLessThanOrEqualTo(ROWS + 1 + 1 + CsvFileChecks.ROWS + 2);
    }

    @Test
    void aWordInTheTargetOnTheLastLineIsFoundInThatOneReadingWhichAlsoCountsTheRowsForTheWindows() throws IOException {
        CountingFiles files = new CountingFiles();

        assertThatThrownBy(() -> DjlData.checkValues(series("10", "abc"), files)).isInstanceOf(CliException.class)
                .hasMessageContaining("data.target: CSV").hasMessageContaining("(line " + (ROWS + 1) + " holds 'abc')");
        assertThat(files.opened).isEqualTo(2);

        CountingFiles again = new CountingFiles();
        assertThatThrownBy(() -> DjlData.checkValues(series("5000", "3"), again)).isInstanceOf(CliException.class)
                .hasMessageContaining("rows in its training segment, shorter than n_steps + horizon = 5001");
        assertThat(again.opened).isEqualTo(2);
    }
}
