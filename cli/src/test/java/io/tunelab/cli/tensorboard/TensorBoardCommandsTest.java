package io.tunelab.cli.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabCommand;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tunelab export tensorboard} and {@code import tensorboard} on a tracker database in a directory. */
class TensorBoardCommandsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Path tracker() {
        return dir.resolve("tracker");
    }

    private Result run(String... args) {
        CommandLine cmd = TunelabCommand.commandLine(new DefaultWiring());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(Stream.concat(Stream.of(args), Stream.of("--storage", tracker().toString())).toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aStudyExportedAndImportedAgainBecomesASecondStudyWithTheSameRuns() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            Study.builder("mlp").storage(t.storage()).seed(2).create().optimize(trial -> {
                double x = trial.suggestFloat("x", 0, 1);
                trial.log("loss", 0, x);
                return x;
            }, 3);
        }
        Result export = run("export", "tensorboard", "mlp", "--out", dir.resolve("tb").toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote 3 runs");
        assertThat(Files.isDirectory(dir.resolve("tb").resolve("trial-0002"))).isTrue();

        Result imported = run("import", "tensorboard", dir.resolve("tb").toString(), "--study", "copy", "--metric", "objective");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 3 runs into study 'copy'");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            long copyId = t.storage().findStudy("copy").orElseThrow().id();
            assertThat(t.storage().trials(copyId, EnumSet.of(TrialState.COMPLETE))).hasSize(3);
        }

        Result again = run("import", "tensorboard", dir.resolve("tb").toString(), "--study", "copy");
        assertThat(again.out()).contains("imported 0 runs").contains("skipped 3 runs imported before");
    }

    @Test
    void aDirectoryWithoutEventsFilesIsBadInputWithExitCode2() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result r = run("import", "tensorboard", empty.toString(), "--study", "s");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no events files").doesNotContain("Exception");
        Result unknown = run("export", "tensorboard", "nope", "--out", dir.resolve("x").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no study named 'nope'");
    }
}
