package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.TestCsv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunelab promote --gate} compares DJL networks of studies that split one CSV file with other seeds on the rows
 * both held out, as it compares Tribuo models: the DJL trainers say which rows their test split holds.
 */
@Timeout(300)
class PromoteGateDjlRowsTest {
    @TempDir
    Path dir;

    private void study(String storage, String name, Path data, int seed) throws Exception {
        Path file = Files.writeString(dir.resolve(name + ".yaml"), """
                study: %s
                direction: maximize
                metric: val_accuracy
                sampler: {type: random, seed: %d}
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: y, test_split: 0.6}
                space:
                  learning_rate: {reciprocal: [5e-3, 1e-2]}
                fit: {epochs: 1, batch_size: 16}
                """.formatted(name, seed, data));
        CliInvocation.Result r = tunelab("run", file.toString(), "--storage", storage);
        assertThat(r.code()).as(r.out() + r.err()).isZero();
    }

    @Test
    void networksOfStudiesSplitWithOtherSeedsAreJudgedOnTheRowsBothHeldOut() throws Exception {
        String storage = dir.resolve("tracker").toString();
        Path csv = TestCsv.noisyClasses(dir, 120);
        study(storage, "net-a", csv, 1);
        study(storage, "net-b", csv, 2);
        assertThat(tunelab("promote", "net-a", "--model", "net", "--storage", storage).code()).isZero();

        CliInvocation.Result r = tunelab("promote", "net-b", "--model", "net", "--gate", "paired-t", "--force",
                "--storage", storage);

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("on \\d+ of the challenger's 72 test rows \\(those in both studies' test splits");
    }
}
