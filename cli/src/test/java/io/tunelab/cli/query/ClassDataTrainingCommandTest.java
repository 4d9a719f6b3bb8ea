package io.tunelab.cli.query;

import static io.tunelab.cli.CliInvocation.tunelab;
import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.CliInvocation.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hidden {@code cds-training} command gives the launcher's class-data training a study that {@code best} and
 * {@code trials} read as they read a real one, and touches nothing but an empty tracker.
 */
class ClassDataTrainingCommandTest {
    @TempDir
    Path dir;

    @Test
    void itWritesAStudyWhoseBestTrialAndTrialsTheReadCommandsShow() {
        String storage = dir.resolve("tracker").toString();
        assertThat(tunelab("cds-training", "--storage", storage).code()).isZero();

        Result best = tunelab("best", ClassDataTrainingCommand.STUDY, "--storage", storage);
        assertThat(best.code()).as(best.err()).isZero();
        assertThat(best.out()).contains("COMPLETE    0.4").contains("elu");
        Result trials = tunelab("trials", ClassDataTrainingCommand.STUDY, "--storage", storage, "--format", "csv");
        assertThat(trials.out().lines()).hasSize(4).anyMatch(l -> l.contains("FAIL"));
    }

    @Test
    void aTrackerThatHoldsAStudyIsLeftAlone() {
        String storage = dir.resolve("tracker").toString();
        tunelab("cds-training", "--storage", storage);

        Result again = tunelab("cds-training", "--storage", storage);

        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("holds a study").contains("only into an empty tracker");
        assertThat(tunelab("trials", ClassDataTrainingCommand.STUDY, "--storage", storage, "--format", "csv").out().lines())
                .hasSize(4);
    }

    @Test
    void theUsageDoesNotListIt() {
        Result usage = tunelab("--help");
        assertThat(usage.out()).contains("studies").doesNotContain("cds-training");
    }
}
