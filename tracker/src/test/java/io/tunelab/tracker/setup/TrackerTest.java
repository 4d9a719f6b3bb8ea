package io.tunelab.tracker.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.config.DatabaseCredentials;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.PasswordFile;
import io.tunelab.tracker.config.StorageOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrackerTest {
    @TempDir
    Path tmp;

    @Test
    void aTrackersFirstStartLeavesNoH2TraceFileBesideTheDatabase() throws Exception {
        Path dir = tmp.resolve("fresh");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir).withStorage(StorageOptions.defaults().withoutHeartbeat()))) {
            Study.builder("first").storage(tracker.storage()).create();
        }
        assertThat(dir.resolve("tracker.mv.db")).exists();
        assertThat(dir.resolve("tracker.trace.db")).doesNotExist();
    }

    @Test
    void aStudyRunThroughTheTrackerIsThereWithItsMetricsAfterReopening() throws Exception {
        Path dir = tmp.resolve(".tunelab");
        TrackerConfig config = TrackerConfig.inDirectory(dir).withStorage(StorageOptions.defaults().withoutHeartbeat());
        try (Tracker tracker = Tracker.open(config)) {
            Study study = Study.builder("mlp").storage(tracker.storage()).seed(5).create();
            study.optimize(trial -> {
                double lr = trial.suggestReciprocal("lr", 1e-4, 1e-1);
                for (int epoch = 0; epoch < 3; epoch++) {
                    trial.log("loss", epoch, lr / (epoch + 1));
                }
                Path model = tmp.resolve("model-" + trial.number());
                Files.writeString(model, "w" + trial.number());
                trial.logArtifact("model.bin", model);
                return lr;
            }, OptimizeOptions.trials(4).withParallelism(2));
        }
        assertThat(dir.resolve("tracker.mv.db")).exists();
        try (Tracker tracker = Tracker.open(config)) {
            Study study = Study.builder("mlp").storage(tracker.storage()).seed(5).load();
            assertThat(study.trials()).hasSize(4);
            long best = study.bestTrial().id();
            assertThat(tracker.metrics().series(best, "loss")).extracting(MetricPoint::step).containsExactly(0L, 1L, 2L);
            assertThat(tracker.queries().artifacts(best)).singleElement()
                    .satisfies(a -> assertThat(Path.of(a.uri())).startsWith(dir.resolve("artifacts").toRealPath()));
        }
    }

    @Test
    void theDefaultIsAnEmbeddedDatabaseInDotTunelabOfTheWorkingDirectory() {
        TrackerConfig config = TrackerConfig.defaults();
        Path expected = Path.of(".tunelab").toAbsolutePath().normalize().resolve("tracker");
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:h2:retry:" + expected + ";DB_CLOSE_ON_EXIT=FALSE;MAX_COMPACT_TIME=0"
                + ";TRACE_LEVEL_FILE=0");
        assertThat(config.artifactRoot()).isEqualTo(Path.of(".tunelab", "artifacts"));
    }

    @Test
    void aServerUrlIsReachedAsTheServersStudyUser() {
        // an environment that sets only an empty password: no user of its own, and no password file is read
        Map<String, String> env = Map.of(DatabaseCredentials.PASSWORD, "");
        assertThat(DatabaseCredentials.apply(DatabaseSettings.of("jdbc:h2:tcp://127.0.0.1:9092/tracker"), null, env::get))
                .isEqualTo(DatabaseSettings.of("jdbc:h2:tcp://127.0.0.1:9092/tracker")
                        .withCredentials(PasswordFile.STUDY_USER, "", "the default user"));
    }

    @Test
    void aTrackerDirectoryIsCreatedWithItsParentsOnFirstUse() {
        Path dir = tmp.resolve("runs").resolve("first");
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir))) {
            tracker.storage().createStudy("s", List.of(Direction.MINIMIZE));
        }
        assertThat(dir.resolve("tracker.mv.db")).exists();
    }

    @Test
    void anEmbeddedUrlInADirectoryThatDoesNotExistIsRefusedAndCreatesNothing() {
        Path missing = tmp.resolve("nonexistent").resolve("dir");
        assertThatThrownBy(() -> Tracker.open(TrackerConfig.forUrl("jdbc:h2:" + missing.resolve("x"), tmp.resolve("a"))))
                .isInstanceOf(TrackerException.class)
                .hasMessageStartingWith("storage URL jdbc:h2:" + missing.resolve("x") + ": no directory")
                .hasMessageContaining("no directory " + missing + " for its database file x.mv.db; expected an existing directory");
        assertThat(tmp.resolve("nonexistent")).doesNotExist();
    }

    @Test
    void anEmbeddedUrlInAnExistingDirectoryCreatesItsFile() {
        try (Tracker tracker = Tracker.open(TrackerConfig.forUrl("jdbc:h2:" + tmp.resolve("x"), tmp.resolve("a")))) {
            tracker.storage().createStudy("s", List.of(Direction.MINIMIZE));
        }
        assertThat(tmp.resolve("x.mv.db")).exists();
    }
}
