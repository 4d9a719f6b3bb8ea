package io.tunelab.cli;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the dry run says about a study file is what the file asks for, counted and named as the run will use it. */
class DryRunSummaryTest {
    @TempDir
    Path dir;

    @Test
    void aDeterministicSamplerAndBuiltInRangesAreShownAndCountedAndNothingFixedIsSaidInWords() throws Exception {
        Path file = dir.resolve("det.yaml");
        Files.writeString(file, """
                study: det
                direction: maximize
                metric: accuracy
                sampler: {type: tpe, seed: 4, deterministic: true}
                budget: {trials: 3}
                trainer: tribuo-cart
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  include: defaults
                  max_depth: {int: [2, 4]}
                """);

        CliInvocation.Result r = tunelab("run", "--dry-run", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("sampler    tpe (seed 4, deterministic)")
                .contains("Search space (4 parameters, suggested in this order)")
                .contains("Fixed in every trial: nothing; the space names every parameter tribuo-cart (classification) reads.")
                .doesNotContain("the other 0 parameters");
    }

    @Test
    void oneTrialOneEpochAndOneWorkerAreCountedInTheSingular() throws Exception {
        Files.writeString(dir.resolve("train.csv"), "x1,x2,label\n0.1,0.2,0\n0.3,0.9,1\n0.5,0.5,1\n");
        Path file = dir.resolve("one.yaml");
        Files.writeString(file, """
                study: one
                direction: minimize
                metric: val_loss
                sampler: {type: tpe, seed: 1}
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: label}
                space:
                  n_neurons: {int: [4, 8]}
                fit: {epochs: 1}
                """.formatted(dir.resolve("train.csv")));

        CliInvocation.Result r = tunelab("run", "--dry-run", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 trial").contains("1 epoch").contains("Search space (1 parameter,")
                .contains("from TPE's random start-up trials").doesNotContain("1 trials").doesNotContain("1 epochs")
                .doesNotContain("a random sampler");
    }

    @Test
    void fitValuesTheSpaceSearchesAreShownAsTheSpacesAndTheLossDefaultAsTheDatasTask() throws Exception {
        Files.writeString(dir.resolve("train.csv"), "x1,x2,label\n0.1,0.2,0\n0.3,0.9,1\n0.5,0.5,1\n");
        Path file = dir.resolve("fit.yaml");
        Files.writeString(file, """
                study: fit
                direction: minimize
                metric: val_loss
                budget: {trials: 1}
                trainer: djl-mlp
                data: {dataset: csv, path: %s, target: label}
                space:
                  epochs: {choice: [5]}
                  patience: {choice: [2, 4]}
                fit: {epochs: 2, early_stopping: {patience: 3}}
                """.formatted(dir.resolve("train.csv")));

        CliInvocation.Result r = tunelab("run", "--dry-run", file.toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("fit        epochs choice[5] from the space, not fit's 2, early stopping on val_loss"
                        + " (patience choice[2, 4] from the space, not fit's 3, min delta 0.0, restore best)")
                .contains("cross_entropy (classification data)")
                .doesNotContain("2 epochs").doesNotContain("mse for regression");
    }
}
