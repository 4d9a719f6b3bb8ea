package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import org.junit.jupiter.api.Test;

class StudyConstraintsTest {

    /** Tells a trial with {@code values} after it reported {@code constraints} (none when null). */
    private static void tell(Study study, double[] constraints, double... values) {
        Trial trial = study.ask();
        if (constraints != null) {
            trial.setConstraints(constraints);
        }
        study.tell(trial, values);
    }

    @Test
    void theBestTrialIsTheBestFeasibleOneEvenWhenAnInfeasibleTrialHasABetterValue() {
        Study study = Study.builder("c").direction(Direction.MINIMIZE).create();
        tell(study, new double[] {0.0}, 3.0);
        tell(study, new double[] {0.5}, 1.0);
        tell(study, new double[] {-1.0, 0.0}, 2.0);
        tell(study, null, 2.5);

        assertThat(study.bestTrial().number()).isEqualTo(2);
        assertThat(study.findBestTrial()).map(FrozenTrial::number).contains(2);
        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(2);
        assertThat(study.bestParams()).isEqualTo(study.trials().get(2).params());
    }

    @Test
    void aStudyWhoseCompleteTrialsAllViolateAConstraintHasNoBestTrial() {
        Study study = Study.builder("c").direction(Direction.MAXIMIZE).create();
        tell(study, new double[] {1.0}, 0.9);
        tell(study, new double[] {0.0, 0.1}, 0.8);

        assertThatThrownBy(study::bestTrial).isInstanceOf(StudyException.class)
                .hasMessageContaining("no feasible trial").hasMessageContaining("all 2 COMPLETE trials violate a constraint");
        assertThat(study.findBestTrial()).isEmpty();
        assertThat(study.bestTrials()).isEmpty();
    }

    @Test
    void theParetoFrontHoldsOnlyFeasibleTrialsAndInfeasibleOnesDominateNothing() {
        Study study = Study.builder("c").directions(Direction.MINIMIZE, Direction.MINIMIZE).create();
        tell(study, new double[] {2.0}, 0, 0);
        tell(study, new double[] {-0.5}, 1, 5);
        tell(study, null, 2, 2);
        tell(study, new double[] {0.0}, 5, 1);
        tell(study, new double[] {0.0}, 3, 3);

        assertThat(study.bestTrials()).extracting(FrozenTrial::number).containsExactly(1, 2, 3);
    }

    @Test
    void aMalformedConstraintAttributeCountsAsInfeasibleForTheBestTrial() {
        Study study = Study.builder("c").direction(Direction.MINIMIZE).create();
        Trial bad = study.ask();
        bad.setUserAttr("constraints", "not a list");
        study.tell(bad, 0.0);
        tell(study, null, 1.0);

        assertThat(study.bestTrial().number()).isEqualTo(1);
    }
}
