package io.tunelab.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.CliInvocation;
import io.tunelab.cli.CliInvocation.Result;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab copy STUDY --from DIR --to DIR}: between embedded H2 trackers in directories. */
class CopyCommandTest {
    @TempDir
    Path dir;

    private Path source() {
        return dir.resolve("source");
    }

    private Path backup() {
        return dir.resolve("backup");
    }

    @BeforeEach
    void aStudyWithSeriesAndArtifacts() throws IOException {
        Path model = Files.writeString(dir.resolve("model.txt"), "weights");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(source()))) {
            Study.builder("mlp").storage(t.storage()).seed(2).create().optimize(trial -> {
                double x = trial.suggestFloat("x", 0, 1);
                trial.log("loss", 0, x);
                trial.log("loss", 1, x / 2);
                trial.report(0, x);
                trial.logArtifact("model.txt", model);
                return x;
            }, 3);
        }
    }

    private static List<FrozenTrial> trials(Path tracker, String study) {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker))) {
            StudyRecord s = t.storage().findStudy(study).orElse(null);
            return s == null ? null : t.storage().trials(s.id(), EnumSet.allOf(TrialState.class));
        }
    }

    @Test
    void aStudyIsCopiedToAnotherTrackerWithItsTrialsSeriesAndArtifactFiles() throws IOException {
        Result r = CliInvocation.tunelab("copy", "mlp", "--from", source().toString(), "--to", backup().toString());

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Copied study 'mlp' (3 trials, 6 metric points, 0 summaries, 3 artifacts) to "
                + backup() + " as 'mlp'").contains("Not copied: model registry entries and provenance.");
        List<FrozenTrial> original = trials(source(), "mlp");
        List<FrozenTrial> copied = trials(backup(), "mlp");
        assertThat(copied).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id").isEqualTo(original);
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(backup()))) {
            long id = copied.get(2).id();
            assertThat(t.storage().metrics(id, "loss")).hasSize(2);
            ArtifactRef a = t.storage().artifacts(id).get(0);
            assertThat(Files.readString(Path.of(a.uri()))).isEqualTo("weights");
            assertThat(Path.of(a.uri())).startsWith(backup());
        }
    }

    @Test
    void aStudyOfTheSameNameInTheTargetIsRefusedNamingAs() {
        CliInvocation.tunelab("copy", "mlp", "--from", source().toString(), "--to", backup().toString());

        Result r = CliInvocation.tunelab("copy", "mlp", "--from", source().toString(), "--to", backup().toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--to: '" + backup() + "' already has a study named 'mlp'; pass --as NEW_NAME");
        assertThat(trials(backup(), "mlp")).hasSize(3);
    }

    @Test
    void withAsAStudyIsCopiedWithinOneTracker() {
        Result r = CliInvocation.tunelab("copy", "mlp", "--from", source().toString(), "--to", source().toString(),
                "--as", "mlp-v2");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(trials(source(), "mlp-v2")).hasSize(3);
    }

    @Test
    void aStudyWithARunningTrialIsRefusedUnlessRunningTrialsAreIncluded() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(source()))) {
            t.storage().createRunningTrial(t.storage().findStudy("mlp").orElseThrow().id());
        }

        Result refused = CliInvocation.tunelab("copy", "mlp", "--from", source().toString(), "--to", backup().toString());
        assertThat(refused.code()).isEqualTo(2);
        assertThat(refused.err()).contains("study 'mlp' has 1 RUNNING trial; wait until they finish, or pass"
                + " --include-running");
        assertThat(trials(backup(), "mlp")).isNull();

        Result r = CliInvocation.tunelab("copy", "mlp", "--from", source().toString(), "--to", backup().toString(),
                "--include-running");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 RUNNING trial copied as FAIL ('copied while running').");
        FrozenTrial t = trials(backup(), "mlp").get(3);
        assertThat(t.state()).isEqualTo(TrialState.FAIL);
        assertThat(t.message()).isEqualTo("copied while running");
    }

    @Test
    void aCopyThatFailsMidwayDeletesThePartialStudyAndSaysSo() throws IOException {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(source()))) {
            long last = t.storage().trialByNumber(t.storage().findStudy("mlp").orElseThrow().id(), 2).id();
            Files.delete(Path.of(t.storage().artifacts(last).get(0).uri()));
        }

        Result r = CliInvocation.tunelab("copy", "mlp", "--from", source().toString(), "--to", backup().toString());

        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("copying study 'mlp' failed: ")
                .contains("the partial study 'mlp' was deleted from the target");
        assertThat(trials(backup(), "mlp")).isNull();
    }

    @Test
    void aMissingSourceTrackerIsNamedAsFrom() {
        Result r = CliInvocation.tunelab("copy", "mlp", "--from", dir.resolve("nowhere").toString(), "--to",
                backup().toString());

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--from: no tracker");
    }
}
