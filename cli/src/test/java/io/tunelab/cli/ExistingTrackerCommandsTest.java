package io.tunelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.cli.wiring.StorageAccess;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that work on what studies and registrations left in a tracker ({@code models}, {@code promote},
 * {@code serve}, {@code export tensorboard}) refuse a {@code --storage} directory that holds none, as the read
 * commands do, instead of creating an empty tracker there, and so does {@code worker}, which joins a study that is there;
 * {@code dashboard} may start on a new one and says so.
 */
class ExistingTrackerCommandsTest {

    @TempDir
    Path dir;

    @Test
    void commandsOnModelsAndExportsRefuseAMistypedDirectoryAndLeaveNothingBehind() {
        Path mistyped = dir.resolve("trakcer");
        for (List<String> command : List.of(List.of("models"), List.of("models", "m", "--history"),
                List.of("promote", "s", "--model", "m"), List.of("serve", "m@production"), List.of("alias", "m@production", "1"),
                List.of("describe", "m", "1"), List.of("archive", "m", "1"),
                List.of("export", "tensorboard", "s", "--out", dir.resolve("logs").toString()))) {
            List<String> args = new ArrayList<>(command);
            args.addAll(List.of("--storage", mistyped.toString()));

            CliRun run = CliRun.of(new DefaultWiring(), args.toArray(String[]::new));

            assertThat(run.code()).as(String.join(" ", command)).isEqualTo(ExitCodes.INVALID_INPUT);
            assertThat(run.err()).as(String.join(" ", command))
                    .contains("--storage: no tracker in '" + mistyped + "'", "tracker.mv.db").doesNotContain("\tat ");
            assertThat(mistyped).as(String.join(" ", command)).doesNotExist();
        }
    }

    @Test
    void aWorkerRefusesAMistypedDirectoryOrH2FileAndLeavesNothingBehind() throws Exception {
        Path mistyped = dir.resolve("typo").resolve("nope");
        CliRun run = CliRun.of(new DefaultWiring(), "worker", "--study", "s", "--storage", mistyped.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--storage: no tracker in '" + mistyped + "'", "tracker.mv.db").doesNotContain("\tat ");
        assertThat(dir.resolve("typo")).doesNotExist();

        String url = "jdbc:h2:" + dir.resolve("typo");
        run = CliRun.of(new DefaultWiring(), "worker", "--study", "s", "--storage", url);

        assertThat(run.code()).isEqualTo(ExitCodes.INVALID_INPUT);
        assertThat(run.err()).contains("--storage: no tracker at '" + url + "'").doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void modelsListsTheRegistryOfADirectoryAStudyRanWith() {
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            storage.createStudy("kept", List.of(Direction.MINIMIZE));
        }

        CliRun run = CliRun.of(new DefaultWiring(), "models", "--storage", dir.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("model", "versions", "aliases");
    }

    @Test
    void aDirectoryIsMissingItsTrackerUntilAStudyRunsWithItAndAUrlNeverIs() {
        StorageAccess directory = StorageAccess.of(dir.toString());

        assertThat(TrackerLocation.isMissing(directory)).isTrue();
        try (TrialStorage storage = new DefaultWiring().openStorage(dir.toString())) {
            storage.createStudy("kept", List.of(Direction.MINIMIZE));
        }

        assertThat(TrackerLocation.isMissing(directory)).isFalse();
        assertThat(TrackerLocation.isMissing(StorageAccess.of("jdbc:h2:mem:never"))).isFalse();
        assertThat(TrackerLocation.isMissing(StorageAccess.of("memory:"))).isFalse();
    }
}
