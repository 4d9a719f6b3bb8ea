package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench commands that train on Fashion-MNIST or drive headless Chromium, at tiny sizes. */
class BenchCommandIT {

    private static String run(int expectedCode, String... args) {
        CommandLine cmd = TunelabCommand.commandLine();
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(out));
        assertThat(cmd.execute(args)).as("exit code of tunelab %s: %s", String.join(" ", args), out).isEqualTo(expectedCode);
        return out.toString();
    }

    @Test
    void benchTrainWritesTheContractCsvWithOneRowPerEpoch(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("train.csv");
        String out = run(0, "bench", "train", "--model", "mlp", "--epochs", "1", "--train-limit", "1000",
                "--out", csv.toString());
        assertThat(out).contains("epoch 1:").contains("s/epoch CPU").contains("wrote " + csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo("epoch,train_seconds,samples_per_s,val_accuracy");
        assertThat(lines.get(1)).startsWith("1,");
    }

    @Test
    void benchDashboardRunsTheWholeHarnessAtATinySizeAndReusesTheStoredDatabase(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("dash.csv");
        String[] args = {"bench", "dashboard", "--storage", dir.resolve("db").toString(), "--trials", "30",
            "--points-per-trial", "5", "--runs", "2", "--steps", "50", "--repeats", "1", "--warm-loads", "1",
            "--out", csv.toString()};
        String out = run(0, args);
        assertThat(out).contains("Generating").contains("page_study_interactive_first").contains("api_columns_page1_p95");
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("metric,value,unit");
        assertThat(lines).anyMatch(l -> l.matches("page_study_interactive_median,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_study_interactive_settled_median,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_reference_interactive_first,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_reference_interactive_median,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_study_to_reference_ratio_first,[0-9.]+,x"))
                .anyMatch(l -> l.matches("page_study_to_reference_ratio_settled,[0-9.]+,x"))
                .anyMatch(l -> l.matches("page_reference_cold_mark:parallel-drawn,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_reference_warm_mark:request:/api/studies/[0-9]+/sample:end,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_scalars_interactive_first,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_histograms_interactive_first,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_histograms_cold_mark:summaries-drawn,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_study_cold_mark:navigation:responseEnd,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("page_study_warm_mark:navigation:domInteractive,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("api_series_50_runs_to_1000_points_p95,[0-9.]+,ms"))
                .anyMatch(l -> l.startsWith("generate_data,"));
        assertThat(lines).anyMatch(l -> l.matches("trials_sort_first_p95,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("cli_studies_median,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("cli_best_median,[0-9.]+,ms")).anyMatch(l -> l.matches("jvm_heap_used_after_gc,[0-9.]+,MiB"));
        assertThat(Files.exists(dir.resolve("page_study.png"))).isTrue();
        assertThat(Files.exists(dir.resolve("page_reference.png"))).isTrue();

        assertThat(run(0, args)).doesNotContain("Generating");
        assertThat(Files.readAllLines(csv)).noneMatch(l -> l.startsWith("generate_data,"));
        assertThat(run(2, "bench", "dashboard", "--storage", dir.resolve("db").toString(), "--trials", "31",
                "--points-per-trial", "5", "--runs", "2", "--steps", "50", "--out", csv.toString()))
                .contains("30 trials and 2 runs, not the 31 and 2");
    }

    @Test
    void benchDashboardMeasuresADatabaseGivenByUrl(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("db")); // an H2 URL creates its file, not a missing directory (as SQLite)
        String url = "jdbc:h2:file:" + dir.resolve("db").resolve("tracker");
        Path csv = dir.resolve("dash.csv");
        String out = run(0, "bench", "dashboard", "--storage", url, "--trials", "20", "--points-per-trial", "3", "--runs", "2",
                "--steps", "20", "--repeats", "1", "--warm-loads", "0", "--out", csv.toString());
        assertThat(out).contains("Generating").contains("in " + url).contains("page_study_interactive_first");
        assertThat(Files.readAllLines(csv)).anyMatch(l -> l.matches("cli_studies_median,[0-9.]+,ms"))
                .anyMatch(l -> l.matches("api_history_p95,[0-9.]+,ms"));
        assertThat(dir.resolve("db").resolve("tracker.mv.db")).exists();
    }
}
