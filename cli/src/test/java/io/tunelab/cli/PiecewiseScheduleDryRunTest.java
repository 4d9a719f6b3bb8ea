package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras's {@code PiecewiseConstantDecay(boundaries=[5, 15], values=[0.01, 0.005, 0.001])} as a study file's
 * {@code fit.schedule}, in epochs: the dry run shows the boundaries and values every trial trains with, and refuses
 * what they make pointless.
 */
class PiecewiseScheduleDryRunTest {
    @TempDir
    Path dir;

    private CliInvocation.Result dryRun(String space, String schedule) throws IOException {
        return DjlCsvDryRun.of(dir, space, "{epochs: 20, schedule: " + schedule + "}");
    }

    @Test
    void theDryRunShowsTheBoundariesAndValuesEveryTrialTrainsWith() throws IOException {
        CliInvocation.Result r = dryRun("n_neurons: {int: [4, 8]}",
                "{type: piecewise, boundaries: [5, 15], values: [0.01, 0.005, 0.001]}");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("lr_schedule +piecewise +fit")
                .containsPattern("lr_boundaries +\\[5, 15\\] +fit")
                .containsPattern("lr_values +\\[0.01, 0.005, 0.001\\] +fit");
    }

    @Test
    void aValueCountThatDoesNotFitTheBoundariesIsRefusedAtTheField() throws IOException {
        CliInvocation.Result r = dryRun("n_neurons: {int: [4, 8]}", "{type: piecewise, boundaries: [5, 15], values: [0.01, 0.005]}");

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("fit.schedule.values: 2 values for the 2 boundaries [5, 15]; expected 3, one more than"
                + " the boundaries");
    }

    @Test
    void aSearchedLearningRateThatTheValuesReplaceIsRefused() throws IOException {
        CliInvocation.Result r = dryRun("learning_rate: {float: [0.001, 0.01], log: true}",
                "{type: piecewise, boundaries: [5, 15], values: [0.01, 0.005, 0.001]}");

        assertThat(r.code()).as(r.out()).isEqualTo(2);
        assertThat(r.err()).contains("space.learning_rate: fit.schedule.values [0.01, 0.005, 0.001] are the piecewise"
                + " schedule's learning rates, so learning_rate would be ignored");
    }
}
