package io.tunelab.search.sampler.auto;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DelegateCreditTest {

    private static FrozenTrial trial(int number, String sampler, double value) {
        return new FrozenTrial(100 + number, number, TrialState.COMPLETE, List.of(value), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(Sampler.SAMPLER_ATTR, sampler), null);
    }

    /** Numbers 0-1 start-up; 2 gp improves, 3 tpe improves, 4 gp-local no, 5 tpe improves, 6 cmaes improves (not counted). */
    private static List<FrozenTrial> history() {
        return List.of(trial(0, "gp", 5), trial(1, "gp", 4), trial(2, "gp", 3), trial(3, "tpe", 2),
                trial(4, "gp-local", 9), trial(5, "tpe", 1), trial(6, "cmaes", 0));
    }

    @Test
    void eachDelegatesTrialsAndImprovementsAreCountedFromTheGivenNumberWithLocalGpStepsCountedAsTheGps() {
        assertThat(DelegateCredit.of(history(), Direction.MINIMIZE, 2)).isEqualTo(new DelegateCredit(2, 1, 2, 2));
        assertThat(DelegateCredit.of(history(), Direction.MINIMIZE, 0)).isEqualTo(new DelegateCredit(4, 3, 2, 2));
    }

    @Test
    void theCreditIsTheSameWhateverOrderTheTrialsCompletedIn() {
        List<FrozenTrial> shuffled = new ArrayList<>(history());
        Collections.reverse(shuffled);
        assertThat(DelegateCredit.of(shuffled, Direction.MINIMIZE, 2)).isEqualTo(DelegateCredit.of(history(), Direction.MINIMIZE, 2));
    }

    @Test
    void anImprovementIsJudgedAgainstEveryLowerNumberedTrialIncludingThoseBeforeTheCountedOnes() {
        List<FrozenTrial> trials = List.of(trial(0, "gp", 1), trial(1, "tpe", 2), trial(2, "gp", 0.5));
        assertThat(DelegateCredit.of(trials, Direction.MINIMIZE, 1)).isEqualTo(new DelegateCredit(1, 1, 1, 0));
        assertThat(DelegateCredit.of(trials, Direction.MAXIMIZE, 1)).isEqualTo(new DelegateCredit(1, 0, 1, 1));
    }

    @Test
    void tpeLeadsOnlyWhenItsImprovementRateWithAOneInTwoPriorIsStrictlyHigher() {
        assertThat(new DelegateCredit(0, 0, 0, 0).tpeLeads()).isFalse();
        assertThat(new DelegateCredit(2, 1, 2, 2).tpeLeads()).isTrue();
        assertThat(new DelegateCredit(4, 1, 2, 1).tpeLeads()).isTrue();
        assertThat(new DelegateCredit(2, 1, 2, 1).tpeLeads()).isFalse();
        assertThat(new DelegateCredit(2, 2, 4, 2).tpeLeads()).isFalse();
    }
}
