package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.liveness.RetryPolicy;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptedTrialsTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Study study = Study.builder("s").storage(storage).direction(Direction.MINIMIZE).seed(1).create();

    private FrozenTrial failed(String message) {
        FrozenTrial t = storage.createRunningTrial(study.studyId());
        storage.finishTrial(t.id(), TrialState.FAIL, List.of(), message);
        return t;
    }

    @Test
    void anInterruptedTrialIsRetriedOnceInItsPlaceAndAnOrdinaryFailureIsNot() {
        storage.setStudySystemAttr(study.studyId(), RetryPolicy.ATTR, new RetryPolicy(3).toAttr());
        FrozenTrial interrupted = failed(StudyRunner.INTERRUPTED);
        failed("objective threw: bad input");

        assertThat(InterruptedTrials.retry(storage, study)).containsExactly(interrupted.number());
        assertThat(InterruptedTrials.retry(storage, study)).as("already retried").isEmpty();

        FrozenTrial retry = storage.trials(study.studyId(), EnumSet.of(TrialState.WAITING)).get(0);
        assertThat(retry.systemAttrs()).containsEntry(TrialStorage.RETRY_OF, interrupted.number())
                .containsEntry("retry_count", 1);
        assertThat(storage.trial(interrupted.id()).systemAttrs()).containsEntry(TrialStorage.SUPERSEDED, true)
                .containsEntry("retried_by", retry.number());
    }

    @Test
    void withoutARetryPolicyNothingIsRetried() {
        failed(StudyRunner.INTERRUPTED);

        assertThat(InterruptedTrials.retry(storage, study)).isEmpty();
        assertThat(storage.trials(study.studyId(), EnumSet.of(TrialState.WAITING))).isEmpty();
    }
}
