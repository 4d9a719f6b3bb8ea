package io.tunelab.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.CliInvocation;
import io.tunelab.cli.CliInvocation.Result;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tunelab delete STUDY} on the embedded H2 tracker in a directory. */
class DeleteCommandTest {
    @TempDir
    Path dir;

    private Path tracker() {
        return dir.resolve("tracker");
    }

    private Result run(String... args) {
        return CliInvocation.onStorage(tracker(), args);
    }

    @BeforeEach
    void twoStudies() throws IOException {
        Path model = Files.writeString(dir.resolve("model.txt"), "weights");
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            for (String name : new String[] {"old", "kept"}) {
                Study.builder(name).storage(t.storage()).seed(2).create().optimize(trial -> {
                    double x = trial.suggestFloat("x", 0, 1);
                    trial.log("loss", 0, x);
                    trial.logArtifact("model.txt", model);
                    return x;
                }, 3);
            }
        }
    }

    private int trials(String study) {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            return t.storage().findStudy(study).map(s -> t.storage().countTrials(s.id(), EnumSet.allOf(TrialState.class)))
                    .orElse(-1);
        }
    }

    @Test
    void withYesTheStudyAndItsArtifactFilesAreDeletedAndOthersKept() {
        Result r = run("delete", "old", "--yes");

        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("Deleted study 'old': 3 trials, 3 artifact files.");
        assertThat(trials("old")).isEqualTo(-1);
        assertThat(trials("kept")).isEqualTo(3);
        assertThat(run("studies").out()).contains("kept").doesNotContain("old");
    }

    @Test
    void aStudyWithATrialRunningOnAFreshHeartbeatIsRefusedNamingItAndDeletedWithForce() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            Study.builder("old").storage(t.storage()).seed(2).load().ask();

            Result refused = run("delete", "old", "--yes");

            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).startsWith("delete: not deleting study 'old': 1 trial is running with a fresh"
                    + " heartbeat (trial 3)").contains("Stop them first").contains("--force");
            assertThat(t.storage().findStudy("old")).isPresent();

            Result forced = run("delete", "old", "--yes", "--force");

            assertThat(forced.code()).as(forced.err()).isZero();
            assertThat(forced.out()).contains("Deleted study 'old': 4 trials");
        }
    }

    @Test
    void withoutYesAndWithoutATerminalNothingIsDeleted() {
        Result r = run("delete", "old");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("delete: not deleting study 'old' (3 trials) without confirmation")
                .contains("--yes");
        assertThat(trials("old")).isEqualTo(3);
    }

    @Test
    void aMissingStudyIsNamed() {
        Result r = run("delete", "nope", "--yes");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("delete: no study named 'nope'");
    }

    @Test
    void aStudyWithARegisteredVersionIsRefusedNamingTheModelAndVersion() {
        try (Tracker t = Tracker.open(TrackerConfig.inDirectory(tracker()))) {
            long trial = t.storage().trialByNumber(t.storage().findStudy("old").orElseThrow().id(), 1).id();
            t.registry().createModel("m", "");
            t.registry().createVersion("m", trial, "model.txt", "", "test");
        }

        Result r = run("delete", "old", "--yes");

        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).startsWith("delete: study 'old' cannot be deleted").contains("model 'm' v1 (trial 1)");
        assertThat(trials("old")).isEqualTo(3);
    }
}
