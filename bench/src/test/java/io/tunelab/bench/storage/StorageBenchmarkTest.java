package io.tunelab.bench.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage benchmark runs end to end at a small size and reports every figure (no speed is asserted). */
class StorageBenchmarkTest {
    @TempDir
    Path tmp;

    @Test
    void aSmallRunReportsEveryFigureAsATableAndCsv() throws Exception {
        List<BenchResult> results = StorageBenchmark.run(
                new StorageBenchmark.Options(tmp.resolve("db"), 5_000, 200, 5_000));
        assertThat(results).extracting(BenchResult::metric).containsExactly("metric_ingest", "metric_log_call",
                "trial_throughput", "read_downsampled", "read_trials_cold", "read_trials_warm", "read_trials_count");
        assertThat(results).allSatisfy(r -> assertThat(r.value()).isPositive());
        assertThat(results.get(results.size() - 1).value()).isEqualTo(200.0);

        Path csv = tmp.resolve("bench.csv");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        StorageBenchmark.print(results, csv, new PrintStream(table, true, StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("metric,value,unit");
        assertThat(lines).hasSize(8).anySatisfy(l -> assertThat(l).matches("trial_throughput,[0-9.]+,trials/s"));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("metric_ingest").contains("points/s");
    }
}
