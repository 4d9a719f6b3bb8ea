package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A study survives what one trial throws, and stops early when its first trials all fail alike. */
@Timeout(60)
class FailurePolicyTest {
    private final InMemoryStorage storage = new InMemoryStorage();

    private Study study(String name) {
        return Study.builder(name).storage(storage).direction(Direction.MINIMIZE).seed(1).create();
    }

    private static List<TrialState> states(Study study) {
        return study.trials().stream().map(FrozenTrial::state).toList();
    }

    @Test
    void aHeapOutOfMemoryErrorFailsThatTrialOnlyAndTheStudyCompletes() {
        Study study = study("heap");
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            if (trial.number() == 1) {
                long[] moreThanTheHeap = new long[(int) Math.min(Integer.MAX_VALUE - 16, Runtime.getRuntime().maxMemory() / 8 + 1024)];
                return moreThanTheHeap.length;
            }
            return x;
        }, OptimizeOptions.trials(4).withParallelism(1));

        assertThat(states(study)).containsExactly(TrialState.COMPLETE, TrialState.FAIL, TrialState.COMPLETE, TrialState.COMPLETE);
        assertThat(study.trials().get(1).message()).startsWith("OutOfMemoryError: ")
                .contains("ran out of Java heap").contains("the study goes on");
    }

    @Test
    void aFailingTrialsMessageIsOneLineEvenWhenANativeLibraryPutsLineBreaksInIt() {
        Study study = study("native");
        study.optimize(trial -> {
            throw new IllegalStateException("[10:22:01] value 1.5 for Parameter subsample exceed bound [0,1]\n"
                    + "Stack trace:\r\n  [bt] (0) libxgboost4j.so\n");
        }, OptimizeOptions.trials(1).withParallelism(1));

        assertThat(study.trials()).singleElement().satisfies(t -> assertThat(t.message())
                .isEqualTo("IllegalStateException: [10:22:01] value 1.5 for Parameter subsample exceed bound [0,1]"
                        + " Stack trace: [bt] (0) libxgboost4j.so"));
    }

    @Test
    void aStackOverflowFailsThatTrialOnlyEvenWithTrialsInParallel() {
        Study study = study("stack");
        study.optimize(trial -> trial.number() == 0 ? recurse(1) : trial.suggestFloat("x", 0, 1),
                OptimizeOptions.trials(4).withParallelism(2));

        assertThat(study.trials()).hasSize(4);
        assertThat(study.trials(EnumSet.of(TrialState.FAIL))).singleElement()
                .satisfies(t -> assertThat(t.message()).startsWith("StackOverflowError").contains("-Xss"));
    }

    private static double recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    @Test
    void anErrorOfTheVirtualMachineItselfStopsTheStudyWithAMessage() {
        Study study = study("internal");
        assertThatThrownBy(() -> study.optimize(trial -> {
            throw new InternalError("broken JIT");
        }, OptimizeOptions.trials(5).withParallelism(1))).isInstanceOf(InternalError.class);

        assertThat(study.trials()).singleElement().satisfies(t -> assertThat(t.message())
                .isEqualTo("InternalError: broken JIT (an error of the Java virtual machine itself: the study stops)"));
    }

    @Test
    void theFirstFiveTrialsFailingAlikeStopTheStudyAndRecordWhy() {
        Study study = study("same-error");
        FailFast failFast = new FailFast(5);
        AtomicInteger started = new AtomicInteger();
        study.optimize(trial -> {
            started.incrementAndGet();
            throw new IllegalStateException("no data in /nowhere");
        }, OptimizeOptions.trials(50).withParallelism(1).withCallback(failFast));

        assertThat(started).hasValue(5);
        assertThat(failFast.error()).hasValue("IllegalStateException: no data in /nowhere");
        assertThat(failFast.reason()).hasValue("the first 5 trials all failed with the same error:"
                + " IllegalStateException: no data in /nowhere");
        assertThat(FailFast.recordedReason(study)).isEqualTo(failFast.reason());
    }

    @Test
    void differentErrorsOrASuccessAmongTheFirstTrialsNeverStopTheStudy() {
        Study varied = study("varied");
        varied.optimize(trial -> {
            throw new IllegalStateException("failure " + trial.number());
        }, OptimizeOptions.trials(8).withParallelism(1).withCallback(new FailFast(5)));
        assertThat(varied.trials()).hasSize(8);

        Study oneGood = study("one-good");
        oneGood.optimize(trial -> {
            if (trial.number() == 2) {
                return 1.0;
            }
            throw new IllegalStateException("same");
        }, OptimizeOptions.trials(9).withParallelism(1).withCallback(new FailFast(5)));
        assertThat(oneGood.trials()).hasSize(9);
        assertThat(FailFast.recordedReason(oneGood)).isEmpty();
    }

    @Test
    void zeroTurnsFailFastOffAndAClearedStudyIsNoLongerStopped() {
        Study study = study("off");
        study.optimize(trial -> {
            throw new IllegalStateException("same");
        }, OptimizeOptions.trials(7).withParallelism(1).withCallback(new FailFast(0)));
        assertThat(study.trials()).hasSize(7);

        Study stopped = study("cleared");
        stopped.optimize(trial -> {
            throw new IllegalStateException("same");
        }, OptimizeOptions.trials(9).withParallelism(1).withCallback(new FailFast(2)));
        assertThat(stopped.trials()).hasSize(2);
        FailFast.clear(stopped);
        assertThat(FailFast.recordedReason(stopped)).isEmpty();
    }

    @Test
    void processesSharingAStudyJudgeItsFirstTrialsTogetherAndAllStop() {
        Study first = study("shared-failures");
        Study second = Study.builder("shared-failures").storage(storage).direction(Direction.MINIMIZE).seed(2).load();
        FailFast firstRule = new FailFast(4);
        FailFast secondRule = new FailFast(4);
        AtomicInteger startedBySecond = new AtomicInteger();
        first.optimize(trial -> {
            throw new IllegalStateException("no data in /nowhere");
        }, OptimizeOptions.trials(2).withParallelism(1).withCallback(firstRule));
        assertThat(firstRule.reason()).as("two of four failures").isEmpty();

        second.optimize(trial -> {
            startedBySecond.incrementAndGet();
            throw new IllegalStateException("no data in /nowhere");
        }, OptimizeOptions.trials(20).withParallelism(1).withCallback(secondRule));

        assertThat(startedBySecond).as("the study's third and fourth trials").hasValue(2);
        assertThat(FailFast.recordedReason(first)).hasValue("the first 4 trials all failed with the same error:"
                + " IllegalStateException: no data in /nowhere");
        first.optimize(trial -> {
            throw new IllegalStateException("no data in /nowhere");
        }, OptimizeOptions.trials(20).withParallelism(1).withCallback(firstRule));
        assertThat(first.trials()).as("the first process stops after the trial it was running").hasSize(5);
        assertThat(firstRule.reason()).isEqualTo(FailFast.recordedReason(first));
    }

    @Test
    void aRestartedStudyIsJudgedOnItsNewTrialsOnly() {
        Study study = study("restarted");
        study.optimize(trial -> {
            throw new IllegalStateException("same");
        }, OptimizeOptions.trials(9).withParallelism(1).withCallback(new FailFast(3)));
        assertThat(study.trials()).hasSize(3);

        FailFast.restart(study);
        assertThat(FailFast.recordedReason(study)).isEmpty();
        study.optimize(trial -> {
            if (trial.number() == 3) {
                return 1.0;
            }
            throw new IllegalStateException("same");
        }, OptimizeOptions.trials(9).withParallelism(1).withCallback(new FailFast(3)));
        assertThat(study.trials()).as("a success among the new first three disarms the rule").hasSize(12);
        assertThat(FailFast.recordedReason(study)).isEmpty();
    }
}
