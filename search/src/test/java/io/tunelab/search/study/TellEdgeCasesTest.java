package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Telling a trial what it cannot be, and values that do not fit the study, as Optuna handles them. */
class TellEdgeCasesTest {

    @Test
    void valuesToldWithPrunedOrFailAreRefusedNamingTheStateAndTheValues() {
        Study study = Study.builder("s").create();
        Trial trial = study.ask();
        trial.report(0, 0.7);
        assertThatThrownBy(() -> study.tell(trial.number(), TrialState.PRUNED, 5.0)).isInstanceOf(StudyException.class)
                .hasMessageContaining("trial 0 of study 's' told PRUNED with values [5.0]")
                .hasMessageContaining("keeps its last reported intermediate value");
        assertThatThrownBy(() -> study.tell(trial.number(), TrialState.FAIL, 1.0)).isInstanceOf(StudyException.class)
                .hasMessageContaining("told FAIL with values [1.0], but a FAIL trial takes none");
        assertThat(study.trials().get(0).state()).as("still running: nothing was told").isEqualTo(TrialState.RUNNING);
        assertThat(study.tell(trial.number(), TrialState.PRUNED).values()).as("Optuna's pruned value").containsExactly(0.7);
    }

    @Test
    void valuesThatDoNotFitTheStudyFailTheTrialWithOneWarningAndAMessageAboutTell() {
        Study study = Study.builder("s").create();
        Trial two = study.ask();
        Trial nan = study.ask();
        Trial none = study.ask();
        String log = Stderr.during(() -> {
            study.tell(two, 1.0, 2.0);
            study.tell(nan, Double.NaN);
            study.tell(none);
        });
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FAIL))
                .extracting(FrozenTrial::message).containsExactly(
                        "tell gave 2 values, but study 's' has 1 direction(s)", "told value NaN is not a finite number",
                        "tell gave 0 values, but study 's' has 1 direction(s)")
                .noneMatch(m -> m.contains("objective"));
        assertThat(log.split("WARN", -1)).hasSize(4);
        assertThat(log).contains("Trial 1 of study 's' was told COMPLETE but recorded as FAIL: told value NaN is not a finite"
                + " number");
    }

    @Test
    void anObjectiveReturningNanIsWarnedAboutOncePerMessageAsAThrownException() {
        Study study = Study.builder("s").create();
        AtomicInteger calls = new AtomicInteger();
        String log = Stderr.during(() -> study.optimize(t -> calls.getAndIncrement() < 2 ? Double.NaN : Double.POSITIVE_INFINITY, 3));
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.FAIL));
        assertThat(log.split("WARN", -1)).as("one warning per distinct message").hasSize(3);
        assertThat(log).contains("Trial 0 of study 's' failed: objective value NaN is not a finite number")
                .contains("Trial 2 of study 's' failed: objective value Infinity is not a finite number");
    }
}
