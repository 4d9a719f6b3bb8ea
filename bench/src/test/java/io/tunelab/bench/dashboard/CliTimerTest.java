package io.tunelab.bench.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.bench.dashboard.DashboardBenchmark.Figure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTimerTest {
    @Test
    void aCommandIsStartedOncePerRunWithTheLaunchersArgumentsFirst(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("runs.log");
        CliTimer timer = new CliTimer(List.of("sh", "-c", "echo \"$0 $1\" >> " + log), 3);

        List<Figure> figures = timer.time("cli_studies", List.of("studies", "--storage"));

        assertThat(figures).extracting(Figure::metric).containsExactly("cli_studies_first", "cli_studies_median");
        assertThat(figures).allSatisfy(f -> assertThat(f.value()).isPositive());
        assertThat(Files.readAllLines(log)).containsExactly("studies --storage", "studies --storage",
                "studies --storage");
    }

    @Test
    void theReferenceCommandRunsWithoutTheLauncher(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("runs.log");
        CliTimer timer = new CliTimer(List.of("false"), 2);

        List<Figure> figures = timer.timeCommand("cli_reference_bare_jvm", List.of("sh", "-c", "echo ran >> " + log));

        assertThat(figures).extracting(Figure::metric)
                .containsExactly("cli_reference_bare_jvm_first", "cli_reference_bare_jvm_median");
        assertThat(Files.readAllLines(log)).containsExactly("ran", "ran");
    }

    @Test
    void aFailingCommandIsReportedWithItsCommandLineExitCodeAndErrorOutput() {
        CliTimer timer = new CliTimer(List.of("sh", "-c", "echo no such study >&2; exit 3"), 3);

        assertThatThrownBy(() -> timer.time("cli_best", List.of("best")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("exit 3 best exited with 3")
                .hasMessageContaining("no such study");
    }
}
