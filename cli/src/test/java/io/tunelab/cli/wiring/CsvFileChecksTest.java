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
        return new StudySpecParser().parse("""
                study: s
                direction: minimize
                metric: val_loss
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: y}
                space:
                  learning_rate: {reciprocal: [1e-4, 1e-1]}
                """.formatted(csv), "s.yaml");
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
}
