package io.tunelab.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetStandingTest {
    private final InMemoryStorage storage = new InMemoryStorage();
    private final Study study = Study.builder("bud").storage(storage).direction(Direction.MINIMIZE).seed(1).create();

    private FrozenTrial finished(TrialState state, Map<String, Object> attrs) {
        FrozenTrial t = storage.createRunningTrial(study.studyId());
        attrs.forEach((k, v) -> storage.setSystemAttr(t.id(), k, v));
        storage.finishTrial(t.id(), state, state == TrialState.COMPLETE ? List.of(0.5) : List.of(), "interrupted");
        return t;
    }

    @Test
    void anInterruptedTrialReplacedByItsRetryIsSaidNotToCountAndTheWholeBudgetIsStillToRun() {
        FrozenTrial interrupted = finished(TrialState.FAIL, Map.of(TrialStorage.SUPERSEDED, true));
        storage.createWaitingTrial(study.studyId(), Map.of(), Map.of(TrialStorage.RETRY_OF, interrupted.number()));

        assertThat(BudgetStanding.of(study).describe(2))
                .isEqualTo("1 trial so far, 0 counting toward the budget of 2 trials; 2 to run");
    }

    @Test
    void finishedTrialsAndAFailureThatWasNotRetriedCountAndOnlyTheRestOfTheBudgetIsToRun() {
        finished(TrialState.COMPLETE, Map.of());
        finished(TrialState.FAIL, Map.of());

        assertThat(BudgetStanding.of(study).describe(5))
                .isEqualTo("2 trials so far, 2 counting toward the budget of 5 trials; 3 to run");
        assertThat(BudgetStanding.of(study).describe(0)).isEqualTo("2 trials so far, until the deadline");
    }

    @Test
    void theFinishedTrialsTheProgressLineStartsFromLeaveOutARetriedTrialAndRunningOnes() {
        finished(TrialState.FAIL, Map.of(TrialStorage.SUPERSEDED, true));
        finished(TrialState.COMPLETE, Map.of());
        storage.createRunningTrial(study.studyId());

        assertThat(BudgetStanding.of(study)).isEqualTo(new BudgetStanding(3, 2, 1, 0));
    }

    @Test
    void aNewStudyGivesItsBudgetOnly() {
        assertThat(BudgetStanding.of(study).describe(1)).isEqualTo("budget 1 trial");
    }
}
