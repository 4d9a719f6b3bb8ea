package io.tunelab.search.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory storage passes the storage contract, and as it sends no heartbeats only waiting trials are unsettled. */
class InMemoryStorageTest extends TrialStorageContract {
    @Override
    protected TrialStorage newStorage() {
        return new InMemoryStorage();
    }

    @Test
    void itsTrialsSendNoHeartbeats() {
        try (TrialStorage memory = newStorage()) {
            assertThat(memory.heartbeatInterval()).isEmpty();
        }
    }

    @Test
    void onlyWaitingTrialsAreUnsettledSinceNothingWouldEverEndARunningOne() {
        try (TrialStorage memory = newStorage()) {
            long study = memory.createStudy("s", List.of(Direction.MINIMIZE)).id();
            assertThat(memory.unsettledTrials(study)).isZero();
            memory.createWaitingTrial(study, Map.of("x", 1.0), Map.of());
            memory.createWaitingTrial(study, Map.of("x", 2.0), Map.of());
            memory.createRunningTrial(study);
            assertThat(memory.unsettledTrials(study)).isEqualTo(2);

            FrozenTrial claimed = memory.claimWaitingTrial(study).orElseThrow();
            memory.finishTrial(claimed.id(), TrialState.COMPLETE, List.of(1.0), null);
            assertThat(memory.unsettledTrials(study)).isEqualTo(1);
        }
    }

    @Test
    void unsettledTrialsOfAnUnknownStudyAreNotFound() {
        try (TrialStorage memory = newStorage()) {
            assertThatThrownBy(() -> memory.unsettledTrials(42)).isInstanceOfSatisfying(StorageException.class,
                    e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
        }
    }
}
