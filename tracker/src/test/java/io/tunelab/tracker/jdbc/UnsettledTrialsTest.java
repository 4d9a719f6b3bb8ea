package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a worker whose share of the budget is done still waits for, and how often it looks again. */
class UnsettledTrialsTest {
    @TempDir
    Path tmp;

    private JdbcTrialStorage storage(Database db, StorageOptions options) {
        return new JdbcTrialStorage(db, false, new LocalArtifactRepository(tmp.resolve("a")), options);
    }

    @Test
    void waitingTrialsAndRunningTrialsWithHeartbeatsAreUnsettledAndFinishedOnesAreNot() {
        try (Database db = Database.open(DatabaseSettings.embedded(tmp));
             JdbcTrialStorage beating = storage(db, StorageOptions.defaults().withHeartbeat(Duration.ofHours(1), Duration.ofHours(2)));
             JdbcTrialStorage silent = storage(db, StorageOptions.defaults().withoutHeartbeat())) {
            long study = beating.createStudy("s", List.of(Direction.MINIMIZE)).id();
            assertThat(beating.unsettledTrials(study)).isZero();
            FrozenTrial running = beating.createRunningTrial(study);
            silent.createRunningTrial(study);
            beating.createWaitingTrial(study, Map.of("x", 1.0), Map.of());
            assertThat(beating.unsettledTrials(study)).as("one waiting, one running with heartbeats").isEqualTo(2);
            beating.finishTrial(running.id(), TrialState.COMPLETE, List.of(1.0), null);
            assertThat(silent.unsettledTrials(study)).isEqualTo(1);
        }
    }

    @Test
    void aStorageTellsHowOftenItsTrialsSendHeartbeats() {
        try (Database db = Database.open(DatabaseSettings.embedded(tmp));
             JdbcTrialStorage beating = storage(db, StorageOptions.defaults().withHeartbeat(Duration.ofSeconds(3), Duration.ofSeconds(9)));
             JdbcTrialStorage silent = storage(db, StorageOptions.defaults().withoutHeartbeat())) {
            assertThat(beating.heartbeatInterval()).contains(Duration.ofSeconds(3));
            assertThat(silent.heartbeatInterval()).isEmpty();
        }
    }
}
