package io.tunelab.cli.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.TunelabCommand;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TensorBoardCommandsTest {
    private final InMemoryStorage storage = new InMemoryStorage();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Result run(String... args) {
        CommandLine cmd = TunelabCommand.commandLine(url -> storage);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aStudyExportedAndImportedAgainBecomesASecondStudyWithTheSameRuns() {
        Study.builder("mlp").storage(storage).seed(2).create().optimize(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            trial.log("loss", 0, x);
            return x;
        }, 3);
        Result export = run("export", "tensorboard", "mlp", "--out", dir.resolve("tb").toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote 3 runs");
        assertThat(Files.isDirectory(dir.resolve("tb").resolve("trial-0002"))).isTrue();

        Result imported = run("import", "tensorboard", dir.resolve("tb").toString(), "--study", "copy", "--metric", "objective");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 3 runs into study 'copy'");
        long copyId = storage.findStudy("copy").orElseThrow().id();
        assertThat(storage.trials(copyId, EnumSet.of(TrialState.COMPLETE))).hasSize(3);

        Result again = run("import", "tensorboard", dir.resolve("tb").toString(), "--study", "copy");
        assertThat(again.out()).contains("imported 0 runs").contains("skipped 3 runs imported before");
    }

    @Test
    void aDirectoryWithoutEventsFilesIsBadInputWithExitCode2() {
        Result r = run("import", "tensorboard", dir.toString(), "--study", "s");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("no events files").doesNotContain("Exception");
        Result unknown = run("export", "tensorboard", "nope", "--out", dir.resolve("x").toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("no study named 'nope'");
    }
}
