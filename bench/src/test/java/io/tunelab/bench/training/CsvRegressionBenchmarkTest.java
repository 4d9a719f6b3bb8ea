package io.tunelab.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.CsvTables;
import io.tunelab.trainers.tabular.Synthetic;
import io.tunelab.trainers.tabular.Table;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300)
class CsvRegressionBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void theGeneratedCsvHoldsTheTableItWasWrittenFrom() {
        Table table = Synthetic.regression(30, 1, 0.5, 4);

        Table back = CsvTables.read(CsvRegressionBenchmark.writeCsv(table, dir.resolve("f.csv")), CsvOptions.regression("y"));

        assertThat(back.columnNames()).containsExactly("x0", "x1", "x2", "x3", "x4", "x5");
        for (int r = 0; r < 30; r++) {
            assertThat(back.target(r)).isCloseTo(table.target(r), within(1e-6));
            assertThat(back.number(5, r)).isCloseTo(table.number(5, r), within(1e-6));
        }
    }

    @Test
    void aTinyStudyReportsItsBestTrialsTestRmseAgainstSigma() {
        CsvRegressionBenchmark.Result result = CsvRegressionBenchmark.run(
                new CsvRegressionBenchmark.Options(dir, 300, 0.5, 2, 2, 1));

        assertThat(result.complete()).isEqualTo(2);
        assertThat(result.testRmse()).isPositive().isBetween(result.testLow(), result.testHigh());
        assertThat(result.ratio()).isCloseTo(result.testRmse() / 0.5, within(1e-12));
        assertThat(result.bestParams()).containsKeys("n_hidden", "n_neurons", "learning_rate");
        assertThat(result.describe()).contains("300 rows, noise sigma 0.500, seed 1").contains("test RMSE / sigma");
        assertThatThrownBy(() -> new CsvRegressionBenchmark.Options(dir, 300, 0, 2, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sigma 0.0");
    }
}
