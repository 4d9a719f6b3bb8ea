package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.SearchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BbobCsvTest {
    private static final List<BbobBenchmark.Row> ROWS = List.of(
            new BbobBenchmark.Row(3, 5, 4, "auto", 100, 12.5, 0.25, 4.0125, 4),
            new BbobBenchmark.Row(3, 5, 4, "random", 100, 50.0, 1.0, 0.0101, 4),
            new BbobBenchmark.Row(21, 5, 5, "optuna-tpe", 100, 1.0e-7, 2.5e-9, 3.25, 3005));

    @Test
    void rowsWrittenAreTheRowsReadBack(@TempDir Path dir) {
        Path csv = dir.resolve("runs.csv");
        BbobCsv.write(ROWS, csv);
        assertThat(BbobCsv.read(List.of(csv))).isEqualTo(ROWS);
    }

    @Test
    void runsOfSeveralFilesAreReadInOrder(@TempDir Path dir) {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        BbobCsv.write(ROWS.subList(0, 1), first);
        BbobCsv.write(ROWS.subList(1, 3), second);
        assertThat(BbobCsv.read(List.of(first, second))).isEqualTo(ROWS);
    }

    /** ROWS in one file and, in a second, random search's run of f3 on instance 4 again, with {@code regret}. */
    private static List<Path> randomsRunTwice(Path dir, double regret) {
        Path first = dir.resolve("a.csv");
        Path second = dir.resolve("b.csv");
        BbobCsv.write(ROWS, first);
        BbobCsv.write(List.of(new BbobBenchmark.Row(3, 5, 4, "random", 100, regret, 1.0, 0.02, 4)), second);
        return List.of(first, second);
    }

    @Test
    void theSameRunInTwoFilesWithTheSameRegretIsKeptOnce(@TempDir Path dir) {
        assertThat(BbobCsv.read(randomsRunTwice(dir, ROWS.get(1).regret()))).isEqualTo(ROWS);
    }

    @Test
    void theSameRunWithAnotherRegretIsRejectedNamingBothPlaces(@TempDir Path dir) {
        List<Path> files = randomsRunTwice(dir, 49.0);
        assertThatThrownBy(() -> BbobCsv.read(files)).isInstanceOf(SearchException.class)
                .hasMessage(files.get(1) + " line 2: the run of sampler random, f3, D = 5, instance 4, seed 4 has regret 49.0,"
                        + " but at " + files.get(0) + " line 3 it has 50.0; a run is reported once");
    }

    @Test
    void aFileWithoutTheHeaderIsRejectedNamingTheFileAndTheHeaderExpected(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "problem,sampler,regret\nbranin,tpe,0.1\n");
        assertThatThrownBy(() -> BbobCsv.read(List.of(csv))).isInstanceOf(SearchException.class)
                .hasMessageContaining(csv.toString()).hasMessageContaining("expected the header '" + BbobCsv.HEADER)
                .hasMessageContaining("got 'problem,sampler,regret'");
    }

    @Test
    void aBadFieldIsRejectedNamingTheLineTheFieldAndTheValue(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, BbobCsv.HEADER + "\n3,5,4,auto,100,12.5,0.25,4.0,4\n3,5,4,tpe,100,twelve,0.25,4.0,4\n");
        assertThatThrownBy(() -> BbobCsv.read(List.of(csv))).isInstanceOf(SearchException.class)
                .hasMessage(csv + " line 3: regret must be a number, got 'twelve'");
        Files.writeString(csv, BbobCsv.HEADER + "\n3,5,-4,auto,100,12.5,0.25,4.0,4\n");
        assertThatThrownBy(() -> BbobCsv.read(List.of(csv))).hasMessage(csv + " line 2: instance must be a whole number, got '-4'");
        Files.writeString(csv, BbobCsv.HEADER + "\n3,5,4,auto,100,12.5\n");
        assertThatThrownBy(() -> BbobCsv.read(List.of(csv))).hasMessageContaining(csv + " line 2: expected 9 fields")
                .hasMessageContaining("got 6");
    }

    @Test
    void rowsOfAnotherBudgetAreRejectedNamingBothBudgets(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("budgets.csv");
        Files.writeString(csv, BbobCsv.HEADER + "\n3,5,4,auto,100,12.5,0.25,4.0,4\n3,5,4,tpe,200,12.5,0.25,4.0,4\n");
        assertThatThrownBy(() -> BbobCsv.read(List.of(csv)))
                .hasMessage(csv + " line 3: trials 200, but the rows before have 100; report one budget at a time");
    }

    @Test
    void aMissingFileIsReportedByName(@TempDir Path dir) {
        Path csv = dir.resolve("missing.csv");
        assertThatThrownBy(() -> BbobCsv.read(List.of(csv))).isInstanceOf(SearchException.class)
                .hasMessage("cannot read " + csv + ": no such file");
    }
}
