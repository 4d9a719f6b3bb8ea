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
                new StorageBenchmark.Options(tmp.resolve("db"), 5_000, 3, 200, 5_000, null));
        assertThat(results).extracting(BenchResult::metric).containsExactly("disk_fsync", "metric_ingest_min",
                "metric_ingest_median", "metric_ingest_max", "metric_log_call", "stage_handoff", "stage_batching",
                "stage_series_rows", "stage_insert", "stage_summary", "stage_commit", "ingest_points_per_commit",
                "ingest_writer_busy", "cpu_metric_writer", "cpu_H2_store_writer", "cpu_caller", "cpu_other_threads",
                "trial_throughput", "read_downsampled", "read_trials_cold", "read_trials_warm",
                "read_trials_count");
        assertThat(results).filteredOn(r -> !r.metric().startsWith("cpu_"))
                .allSatisfy(r -> assertThat(r.value()).isPositive());
        assertThat(value(results, "cpu_metric_writer")).isPositive();
        assertThat(value(results, "metric_ingest_min")).isLessThanOrEqualTo(value(results, "metric_ingest_median"));
        assertThat(value(results, "metric_ingest_median")).isLessThanOrEqualTo(value(results, "metric_ingest_max"));
        assertThat(results.get(results.size() - 1).value()).isEqualTo(200.0);

        Path csv = tmp.resolve("bench.csv");
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        StorageBenchmark.print(results, csv, new PrintStream(table, true, StandardCharsets.UTF_8));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("metric,value,unit");
        assertThat(lines).hasSize(results.size() + 1).anySatisfy(l -> assertThat(l).matches("trial_throughput,[0-9.]+,trials/s"));
        assertThat(table.toString(StandardCharsets.UTF_8)).contains("metric_ingest_min").contains("points/s");
    }

    private static double value(List<BenchResult> results, String metric) {
        return results.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow().value();
    }
}
