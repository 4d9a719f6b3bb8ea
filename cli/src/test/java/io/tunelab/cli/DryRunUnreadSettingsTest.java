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
}
