package io.tunelab.cli.tensorboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.CliInvocation;
import io.tunelab.cli.CliInvocation.Result;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab export tensorboard} and {@code import tensorboard} on a tracker database in a directory. */
class TensorBoardCommandsTest {
    @TempDir
    Path dir;

    private Path tracker() {
        return dir.resolve("tracker");
    }

    private Result run(String... args) {
        return CliInvocation.onStorage(tracker(), args);
    }

    @Test
    void aStudyExportedAndImportedAgainBecomesASecondStudyWithTheSameRuns() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            Study.builder("mlp").storage(t.storage()).seed(2).create().optimize(trial -> {
                double x = trial.suggestFloat("x", 0, 1);
                trial.suggestInt("n_trees", 10, 500);
                trial.suggestInt("max_depth", 2, 12);
                trial.log("loss", 0, x);
                return x;
            }, 3);
        }
        Result export = run("export", "tensorboard", "mlp", "--out", dir.resolve("tb").toString());
        assertThat(export.code()).as(export.err()).isZero();
        assertThat(export.out()).contains("wrote 3 runs");
        assertThat(Files.isDirectory(dir.resolve("tb").resolve("trial-0002"))).isTrue();

        // no --metric: Tunelab's own logdir gives its objective tag, not Keras's epoch_loss
        Result imported = run("import", "tensorboard", dir.resolve("tb").toString(), "--study", "copy", "--direction",
                "minimize");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 3 runs into study 'copy'");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            long copyId = t.storage().findStudy("copy").orElseThrow().id();
            long mlpId = t.storage().findStudy("mlp").orElseThrow().id();
            assertThat(t.storage().trials(copyId, EnumSet.of(TrialState.COMPLETE))).extracting(FrozenTrial::params)
                    .isEqualTo(t.storage().trials(mlpId, EnumSet.of(TrialState.COMPLETE)).stream().map(FrozenTrial::params).toList());
        }

        Result again = run("import", "tensorboard", dir.resolve("tb").toString(), "--study", "copy", "--metric", "objective");
        assertThat(again.out()).contains("imported 0 runs").contains("skipped 3 runs imported before");
    }

    @Test
    void tunelabsOwnLogdirImportsIntoANewStudyWithoutDirectionTakingTheOneItSays() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            Study.builder("acc").storage(t.storage()).direction(Direction.MAXIMIZE).seed(2).create().optimize(trial -> {
                double x = trial.suggestFloat("x", 0, 1);
                trial.log("val_accuracy", 1, x);
                return x;
            }, 3);
        }
        assertThat(run("export", "tensorboard", "acc", "--out", dir.resolve("tb").toString()).code()).isZero();

        Result imported = run("import", "tensorboard", dir.resolve("tb").toString(), "--study", "copy");

        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("took --direction maximize from the logdir (its 'objective' tag says its study's);"
                + " pass --direction minimize to override").contains("imported 3 runs into study 'copy'");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            assertThat(t.storage().findStudy("copy").orElseThrow().directions()).containsExactly(Direction.MAXIMIZE);
        }
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

    private Path kerasLogdir() {
        Path logdir = dir.resolve("keras");
        Instant t0 = Instant.parse("2026-05-06T07:08:09Z");
        double[] accuracies = {0.9, 0.6};
        for (int run = 0; run < 2; run++) {
            try (EventFileWriter w = EventFileWriter.create(logdir.resolve("run-" + run).resolve("validation"), t0)) {
                w.scalar("epoch_loss", 0, t0, 1 - accuracies[run]);
                w.scalar("val_accuracy", 0, t0, accuracies[run]);
                w.scalar("objective", 0, t0, accuracies[run]);
            }
        }
        return logdir;
    }

    @Test
    void anAccuracyMetricIsImportedToBeMaximisedSayingSoSoThatBestIsTheMostAccurateRun() {
        Result r = run("import", "tensorboard", kerasLogdir().toString(), "--study", "acc", "--metric", "val_accuracy");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("inferred --direction maximize from --metric 'val_accuracy'")
                .contains("pass --direction minimize to override");
        Result best = run("best", "acc");
        assertThat(best.out()).as(best.err()).contains("0.9").doesNotContain("0.6");
    }

    @Test
    void aMetricWhoseNameSaysNoDirectionIsRefusedAskingForDirection() {
        Result r = run("import", "tensorboard", kerasLogdir().toString(), "--study", "s", "--metric", "objective");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("import tensorboard: --metric 'objective' does not say")
                .contains("--direction minimize or --direction maximize");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            assertThat(t.storage().findStudy("s")).isEmpty();
        }
    }

    @Test
    void importingIntoAStudyOfTheOtherDirectionIsRefused() {
        Path logdir = kerasLogdir();
        assertThat(run("import", "tensorboard", logdir.toString(), "--study", "s", "--metric", "epoch_loss").code()).isZero();

        Result r = run("import", "tensorboard", logdir.toString(), "--study", "s", "--metric", "val_accuracy");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("study 's' exists and minimizes, but this import maximizes 'val_accuracy'");
    }

    @Test
    void aMistypedMetricIsRefusedWithTheTagsFoundAndCanThenBeImportedRight() {
        Path logdir = kerasLogdir();
        Result typo = run("import", "tensorboard", logdir.toString(), "--study", "s", "--metric", "val_acuracy");

        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err()).startsWith("import tensorboard: --metric 'val_acuracy'")
                .contains("epoch_loss, objective, val_accuracy").contains("did you mean 'val_accuracy'?").doesNotContain("Exception");
        Result fixed = run("import", "tensorboard", logdir.toString(), "--study", "s", "--metric", "val_accuracy");
        assertThat(fixed.out()).as(fixed.err()).contains("imported 2 runs");
    }

    @Test
    void aLogdirNothingCanBeReadFromIsRefusedWithoutCreatingAStudy() throws Exception {
        Path run = Files.createDirectories(dir.resolve("bad").resolve("run1"));
        Files.writeString(run.resolve("events.out.tfevents.123.host"), "hello");

        Result r = run("import", "tensorboard", dir.resolve("bad").toString(), "--study", "bad", "--metric", "loss");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("import tensorboard: logdir ").contains("nothing could be read");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            assertThat(t.storage().findStudy("bad")).isEmpty();
        }
    }

    @Test
    void exportErrorsNameTheCommand() {
        Tracker.open(TrackerConfig.inDirectory(tracker())).close();
        Result r = run("export", "tensorboard", "nope", "--out", dir.resolve("x").toString());

        assertThat(r.err()).startsWith("export tensorboard: no study named 'nope'");
    }
}
