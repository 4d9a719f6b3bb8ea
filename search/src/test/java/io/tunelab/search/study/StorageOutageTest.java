package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A storage unreachable for longer than it waits out itself loses no trial's result and never ends the study. */
@Timeout(60)
class StorageOutageTest {

    @Test
    void aResultThatCannotBeWrittenIsKeptAndWrittenWhenTheStorageAnswersAgain() {
        TrialStorage storage = new UnreachableStorage().failing("finishTrial", 2).storage();
        Study study = Study.builder("kept").storage(storage).direction(Direction.MINIMIZE).create();

        study.optimize(trial -> 0.25 + trial.number(), OptimizeOptions.trials(2).withParallelism(1));

        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(study.trials()).extracting(FrozenTrial::value).containsExactly(0.25, 1.25);
    }

    @Test
    void aTrialCutShortByTheOutageFailsAsInterruptedSoThatItsRetryPolicyRunsItAgain() {
        TrialStorage storage = new UnreachableStorage().failing("setIntermediateValue", 1).storage();
        Study study = Study.builder("cut").storage(storage).direction(Direction.MINIMIZE).create();

        study.optimize(trial -> {
            trial.report(0, 0.5);
            return 0.5;
        }, OptimizeOptions.trials(2).withParallelism(1));

        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.FAIL, TrialState.COMPLETE);
        assertThat(study.trials().get(0).message()).startsWith(TrialStorage.INTERRUPTION_PREFIX)
                .contains("the storage was unreachable while this trial ran (database jdbc:test unreachable for 1 s");
    }
}
