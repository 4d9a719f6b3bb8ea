package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvFileChecksTest {
    @TempDir
    Path dir;

    private Path csv(int rows, int wordAt) throws Exception {
        StringBuilder text = new StringBuilder("x1,x2,y\n");
        for (int i = 0; i < rows; i++) {
            text.append(i == wordAt ? "ten" : String.valueOf(i)).append(',').append(i * 0.5).append(",1\n");
        }
        return Files.writeString(dir.resolve("data.csv"), text);
    }

    private static StudySpec spec(Path csv) {
        return spec(csv, "");
    }

    /** A DJL study file of {@code csv} with target y, its data section ending with {@code more}. */
    private static StudySpec spec(Path csv, String more) {
        return new StudySpecParser().parse("""
                study: s
                direction: minimize
                metric: val_loss
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: y%s}
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                """.formatted(csv, more), "s.yaml");
    }

    @Test
    void aWordFarDownANumericColumnIsNamedWithItsFileLineColumnAndValue() throws Exception {
        Path file = csv(5_000, 4_000);

        assertThatThrownBy(() -> CsvFileChecks.head("data.path", file).checkNumeric("data.path", List.of("y"), "advice"))
                .isInstanceOf(CliException.class)
                .hasMessage("data.path: CSV " + file + " column 'x1' is not numeric (line 4002 holds 'ten'); advice");
    }

    @Test
    void aFileOfReasonableSizeIsCheckedWholeSoTheDryRunHasNothingToAdd() throws Exception {
        assertThat(CsvFileChecks.sampledNote(spec(csv(100, -1)))).isEmpty();
    }

    @Test
    void aFileAboveTheBoundIsCheckedOnItsFirstRowsAndTheDryRunSaysSo() throws Exception {
        Path file = csv(100, 50);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(60L << 20);
        }

        CsvFileChecks.head("data.path", file).checkNumeric("data.path", List.of("y"), "advice");
        assertThat(CsvFileChecks.sampledNote(spec(file))).hasValue("Data: " + file + " is 60 MiB, above the 50 MiB checked"
                + " whole, so only its first 20 rows were checked for cells that are not numbers; one further down fails"
                + " the run when it reads the file");
    }

    /** {@code rows} rows of x and a target y whose value in row i is {@code target.apply(i)}. */
    private Path target(int rows, java.util.function.IntFunction<String> target) throws Exception {
        StringBuilder text = new StringBuilder("x,y\n");
        for (int i = 0; i < rows; i++) {
            text.append(i % 7).append(',').append(target.apply(i)).append('\n');
        }
        return Files.writeString(dir.resolve("target.csv"), text);
    }

    @Test
    void aTargetOfWholeNumbersWrittenAsPricesIsRefusedAsContinuousWithTheRegressionTaskAsTheFix() throws Exception {
        // house prices in hundreds of dollars: 2,000 rows, about 1,700 distinct whole numbers written as 452600.0
        java.util.Random random = new java.util.Random(3);
        Path file = target(2_000, i -> (100 * (1_000 + random.nextInt(5_000))) + ".0");

        assertThatThrownBy(() -> CsvFileChecks.head("data.dataset", file).checkClassTarget("y", false))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.target: CSV " + file + " column 'y' holds 1,")
                .hasMessageContaining(" distinct numbers in 2,000 rows, such as ")
                .hasMessageContaining("more than the 200 classes a classification of that many rows may have (the larger of 50")
                .hasMessageEndingWith("it looks like a regression target, but data.task is classification unless given; set"
                        + " data.task: regression (and a regression metric such as rmse)");
    }

    @Test
    void aTargetHoldingNumbersThatAreNotWholeIsRefusedEvenInAFewRowsAndWithTheTaskGiven() throws Exception {
        Path file = target(12, i -> String.valueOf(1.25 + i));

        assertThatThrownBy(() -> CsvFileChecks.head("data.dataset", file).checkClassTarget("y", true))
                .isInstanceOf(CliException.class)
                .hasMessage("data.target: CSV " + file + " column 'y' holds numbers that are not whole, such as 1.25, 2.25,"
                        + " 3.25, which no class label is; it looks like a regression target, but data.task: classification"
                        + " fits one class per value; set data.task: regression (and a regression metric such as rmse)");
    }

    @Test
    void wholeNumberClassesPassWhetherFewManyOverManyRowsOrAllDistinctInASmallFile() throws Exception {
        CsvFileChecks.head("data.dataset", target(2_000, i -> String.valueOf(i % 10))).checkClassTarget("y", false);
        CsvFileChecks.head("data.dataset", target(5_000, i -> (i % 100) + ".0")).checkClassTarget("y", false);
        CsvFileChecks.head("data.dataset", target(40, String::valueOf)).checkClassTarget("y", false);
        CsvFileChecks.head("data.dataset", target(2_000, i -> i % 3 == 0 ? "NA" : "w" + i)).checkClassTarget("y", false);
    }

    @Test
    void aClassificationCsvWithACategoricalColumnIsReadThroughOnceForItsWordsAndItsTarget() throws Exception {
        StringBuilder text = new StringBuilder("colour,x,y\n");
        for (int i = 0; i < 1_000; i++) {
            text.append(i % 2 == 0 ? "red" : "blue").append(',').append(i % 13).append(',').append(i * 0.5).append('\n');
        }
        Path file = Files.writeString(dir.resolve("classes.csv"), text);
        StudySpec spec = spec(file, ", categorical: [colour]");
        CountingFiles files = new CountingFiles();

        assertThatThrownBy(() -> DjlData.checkValues(spec, files))
                .isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.target: CSV " + file + " column 'y' holds numbers that are not whole");
        assertThat(files.opened).as("the header and first rows, then the whole file once").isEqualTo(2);
        assertThat(files.lines).as("lines read").isLessThanOrEqualTo(1_000 + 2 + CsvFileChecks.ROWS + 2);
    }
}
