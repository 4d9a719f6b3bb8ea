package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dry run's "Fixed in every trial" lists only what the file's trials read: a Keras user reading {@code lr_power 1}
 * there would take it for a setting that acts, so other schedules' options, and early stopping's min_delta without early
 * stopping, are left out; a searched one no schedule of the file reads is refused, as an optimizer's is.
 */
class DryRunUnreadSettingsTest {
    @TempDir
    Path dir;

    private CliInvocation.Result dryRun(String space, String fit) throws IOException {
        return DjlCsvDryRun.of(dir, space, fit);
    }

    @Test
    void aConstantScheduleWithoutEarlyStoppingListsNoDecayOptionsAndNoMinDelta() throws IOException {
        CliInvocation.Result r = dryRun("n_neurons: {int: [4, 8]}", "{epochs: 3}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("lr_schedule +constant +default")
                .doesNotContainPattern("\\n +(lr_decay_epochs|lr_power|lr_decay_rate|lr_patience|lr_min|lr_boundaries"
                        + "|lr_values|min_delta) ")
                .containsPattern("warmup_epochs +0")
                .contains("settings no trial of this file reads, such as other schedules' or optimizers' options, are left out");
    }

    @Test
    void theSchedulesTheSpaceCanChooseKeepTheirOptions() throws IOException {
        CliInvocation.Result r = dryRun("lr_schedule: {choice: [constant, plateau]}",
                "{epochs: 3, early_stopping: {patience: 1}}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("lr_patience +2 +default").containsPattern("lr_min +0 +default")
                .containsPattern("min_delta +0 +fit").doesNotContainPattern("\\n +(lr_power|lr_decay_epochs) ");
    }

    @Test
    void aSearchedOptionNoScheduleOfTheFileReadsIsRefused() throws IOException {
        CliInvocation.Result r = dryRun("lr_power: {float: [0.5, 2]}", "{epochs: 3, schedule: cosine}");

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("space.lr_power: the schedule, cosine, never reads 'lr_power', so it would be ignored;"
                + " only power reads it: give lr_schedule (or fit.schedule) that one, or leave lr_power out");
    }

    @Test
    void aWidthForEveryLayerLeavesNNeuronsOut() throws IOException {
        CliInvocation.Result r = dryRun("n_hidden: {int: [1, 3]}\n  n_units_l{i}: {int: [4, 8], per_layer: n_hidden}",
                "{epochs: 3}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContainPattern("\\n +n_neurons ").containsPattern("n_units_l2 +space");
    }

    @Test
    void aWidthForSomeLayersOnlyKeepsNNeuronsForTheOthers() throws IOException {
        CliInvocation.Result r = dryRun("n_hidden: {int: [1, 3]}\n  n_units_l0: {int: [4, 8]}", "{epochs: 3}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("n_neurons +100 +default");
    }

    @Test
    void aFixedScheduleShowsItsOwnDefaultsWithoutOtherSchedulesOrOptimizersNotes() throws IOException {
        CliInvocation.Result r = dryRun("n_neurons: {int: [4, 8]}", "{epochs: 3, schedule: exponential}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("lr_decay_rate +0.1 +default").containsPattern("weight_decay +0 +default")
                .doesNotContain("(plateau: 0.5)").doesNotContain("(adamw: 0.01)").doesNotContain("(warmup: 1)");
    }

    @Test
    void theOnlyScheduleOrOptimizerANoteNamesShowsThatDefault() throws IOException {
        CliInvocation.Result r = dryRun("optimizer: {choice: [adamw]}", "{epochs: 3, schedule: plateau}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("lr_decay_rate +0.5 +default").containsPattern("weight_decay +0.01 +default")
                .doesNotContain("(plateau: 0.5)").doesNotContain("(adamw: 0.01)");
    }

    @Test
    void aNoteStaysWhenTheSpaceCanChooseItsScheduleAndAnother() throws IOException {
        CliInvocation.Result r = dryRun("lr_schedule: {choice: [exponential, plateau]}", "{epochs: 3}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("lr_decay_rate +0.1 \\(plateau: 0.5\\) +default");
    }
}
