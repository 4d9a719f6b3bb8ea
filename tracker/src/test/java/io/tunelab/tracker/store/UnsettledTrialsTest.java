package io.tunelab.tracker.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.db.Database;
import io.tunelab.tracker.db.DatabaseSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a worker whose share of the budget is done still waits for. */
class UnsettledTrialsTest {

    @Test
    void waitingTrialsAndRunningTrialsWithHeartbeatsAreUnsettledAndFinishedOnesAreNot(@TempDir Path tmp) {
        try (Database db = Database.open(DatabaseSettings.embedded(tmp));
             JdbcTrialStorage beating = new JdbcTrialStorage(db, false, new LocalArtifactRepository(tmp.resolve("a")),
                     StorageOptions.defaults().withHeartbeat(Duration.ofHours(1), Duration.ofHours(2)));
             JdbcTrialStorage silent = new JdbcTrialStorage(db, false, new LocalArtifactRepository(tmp.resolve("a")),
                     StorageOptions.defaults().withoutHeartbeat())) {
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
}
