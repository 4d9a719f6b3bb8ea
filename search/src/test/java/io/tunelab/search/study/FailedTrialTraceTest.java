package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.search.trial.TrialState;
import org.junit.jupiter.api.Test;

/** A failed trial keeps where its objective failed, as Optuna logs the traceback. */
class FailedTrialTraceTest {

    private static double trainDeepDown(int depth) {
        if (depth == 0) {
            throw new RuntimeException();
        }
        return trainDeepDown(depth - 1);
    }

    /** Runs {@code objective} for {@code trials} trials on one slot; returns what the study logged. */
    private static String optimizeLogging(Study study, Objective objective, int trials) {
        return Stderr.during(() -> study.optimize(objective, OptimizeOptions.trials(trials).withParallelism(1)));
    }

    @Test
    void aFailedTrialKeepsItsStackTraceAndTheWarningSaysWhereItIs() {
        Study study = Study.builder("s").create();
        String log = optimizeLogging(study, t -> trainDeepDown(3), 2);

        FrozenTrial failed = study.trials().get(1);
        assertThat(failed.state()).isEqualTo(TrialState.FAIL);
        assertThat(failed.message()).isEqualTo("RuntimeException");
        assertThat((String) failed.systemAttrs().get(FailTrace.ATTR)).startsWith("java.lang.RuntimeException\n")
                .contains("at io.tunelab.search.study.FailedTrialTraceTest.trainDeepDown(FailedTrialTraceTest.java:");
        assertThat(log.split("WARN", -1)).as("one warning for the two alike failures").hasSize(2);
        assertThat(log).contains("Trial 0 of study 's' failed: RuntimeException (stack trace: the trial's system attribute"
                + " fail_trace, or the debug log)");
    }

    @Test
    void aLongStackTraceIsKeptUpToItsFirstFourKilobytes() {
        Study study = Study.builder("s").create();
        optimizeLogging(study, t -> trainDeepDown(500), 1);

        String trace = (String) study.trials().get(0).systemAttrs().get(FailTrace.ATTR);
        assertThat(trace).startsWith("java.lang.RuntimeException\n").hasSizeLessThan(FailTrace.MAX_CHARS + 100)
                .endsWith("characters in all)");
    }

    @Test
    void aPrunedTrialIsNeitherWarnedAboutNorKeepsATrace() {
        Study study = Study.builder("s").create();
        String log = optimizeLogging(study, t -> {
            t.report(0, 0.5);
            throw new TrialPrunedException();
        }, 1);

        assertThat(study.trials().get(0).state()).isEqualTo(TrialState.PRUNED);
        assertThat(study.trials().get(0).systemAttrs()).doesNotContainKey(FailTrace.ATTR);
        assertThat(log).doesNotContain("WARN");
    }
}
