package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A metric a Tribuo trainer never reports ({@code val_loss}) is refused with the metrics it does report, whichever
 * direction the file gives: the direction of a metric that does not exist is not the problem to fix first.
 */
class TribuoUnreportedMetricTest {
    @TempDir
    Path dir;

    private CliInvocation.Result dryRun(String direction) throws IOException {
        Path file = Files.writeString(dir.resolve("t.yaml"), """
                study: t
                direction: %s
                metric: val_loss
                budget: {trials: 1}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification}
                space:
                  max_depth: {int: [2, 8]}
                """.formatted(direction));
        return tunelab("run", "--dry-run", file.toString());
    }

    @Test
    void valLossIsRefusedWithTheTribuoMetricsWhetherMaximizedOrMinimized() throws IOException {
        for (String direction : new String[] {"maximize", "minimize"}) {
            CliInvocation.Result r = dryRun(direction);

            assertThat(r.code()).as(r.out()).isEqualTo(2);
            assertThat(r.err()).as(direction).contains("t.yaml:3:9: metric: Tribuo trainers report accuracy, macro_f1, rmse,"
                    + " mae or r2 (as val_ names too), got 'val_loss'; they report no loss")
                    .doesNotContain("lower-is-better").doesNotContain("is minimized").contains("1 problem in");
        }
    }
}
