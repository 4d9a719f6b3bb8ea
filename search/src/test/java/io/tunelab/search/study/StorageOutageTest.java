package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import java.time.Duration;

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

    @Test
    void aClaimFailingWhileTheStorageIsUnreachableIsTriedAgainAndTheStudyGoesOn() {
        TrialStorage storage = new UnreachableStorage().failing("createRunningTrial", 2).storage();
        Study study = Study.builder("claim").storage(storage).direction(Direction.MINIMIZE).create();

        study.optimize(trial -> 0.5, OptimizeOptions.trials(2).withParallelism(1));

        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE);
    }

    @Test
    void aClaimWithinAStudyWideBudgetIsTriedAgainToo() {
        TrialStorage storage = new UnreachableStorage().failing("startTrialWithinBudget", 2).storage();
        Study study = Study.builder("budget").storage(storage).direction(Direction.MINIMIZE).create();

        study.optimize(trial -> 0.5, OptimizeOptions.studyBudget(2).withParallelism(1));

        assertThat(study.trials()).extracting(FrozenTrial::state).containsExactly(TrialState.COMPLETE, TrialState.COMPLETE);
    }

    @Test
    void aTrialTheUnreachableStorageCouldNotPrepareIsCutShortSoThatItIsRetriedAndTheStudyGoesOn() {
        TrialStorage storage = new UnreachableStorage().failing("setSystemAttr", 1).storage();
        Study study = Study.builder("prepare").storage(storage).direction(Direction.MINIMIZE).create();

        study.optimize(trial -> 0.5, OptimizeOptions.trials(2).withParallelism(1));

        assertThat(study.trials()).extracting(FrozenTrial::state)
                .containsExactly(TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(study.trials().get(0).message()).startsWith(TrialStorage.INTERRUPTION_PREFIX)
                .contains("the storage was unreachable while this trial started");
    }

    @Test
    void anOutageLongerThanTheStoragesToleranceStopsTheStudyWithWhatToDo() {
        TrialStorage storage = new UnreachableStorage().failing("createRunningTrial", Integer.MAX_VALUE)
                .tolerating(Duration.ofSeconds(1)).storage();
        Study study = Study.builder("gone").storage(storage).direction(Direction.MINIMIZE).create();

        assertThatThrownBy(() -> study.optimize(trial -> 0.5, OptimizeOptions.trials(2).withParallelism(1)))
                .isInstanceOfSatisfying(StorageException.class,
                        e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.UNAVAILABLE))
                .hasMessageContaining("study 'gone' stopped: no trial could be claimed for 1 s")
                .hasMessageContaining("database jdbc:test unreachable")
                .hasMessageContaining("Nothing is lost")
                .hasMessageContaining("once the storage is reachable");
        assertThat(study.trials()).isEmpty();
    }
}
