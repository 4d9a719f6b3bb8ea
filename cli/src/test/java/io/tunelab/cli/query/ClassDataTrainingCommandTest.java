package io.tunelab.cli.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The hidden {@code cds-training} command gives the launcher's class-data training a study that {@code best} and
 * {@code trials} read as they read a real one, and touches nothing but an empty tracker.
 */
class ClassDataTrainingCommandTest {
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result tunelab(String... args) {
        CommandLine cmd = TunelabCommand.commandLineFor(new DefaultWiring(), args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return new Result(cmd.execute(args), out.toString(), err.toString());
    }

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
