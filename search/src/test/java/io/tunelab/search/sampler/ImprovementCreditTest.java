package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.ImprovementCredit.Side;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ImprovementCreditTest {
    private static final String SIDE = "side";

    private static FrozenTrial trial(int number, String side, double value) {
        return new FrozenTrial(100 + number, number, TrialState.COMPLETE, List.of(value), null, null, Map.of(), Map.of(),
                new TreeMap<>(), Map.of(), Map.of(SIDE, side), null);
    }

    /** By the recorded side: {@code d} defends, {@code c} challenges, anything else is not counted. */
    private static final Function<FrozenTrial, Side> BY_ATTR = t -> switch (String.valueOf(t.systemAttrs().get(SIDE))) {
        case "d" -> Side.DEFENDER;
        case "c" -> Side.CHALLENGER;
        default -> null;
    };

    /** Numbers 0-1 start-up; 2 d improves, 3 c improves, 4 d no, 5 c improves, 6 x improves (not counted). */
    private static List<FrozenTrial> history() {
        return List.of(trial(0, "d", 5), trial(1, "d", 4), trial(2, "d", 3), trial(3, "c", 2),
                trial(4, "d", 9), trial(5, "c", 1), trial(6, "x", 0));
    }

    @Test
    void eachSidesTrialsAndImprovementsAreCountedFromTheGivenNumberAndOthersAreLeftOut() {
        assertThat(ImprovementCredit.of(history(), Direction.MINIMIZE, 2, BY_ATTR)).isEqualTo(new ImprovementCredit(2, 1, 2, 2, 1, 2));
        assertThat(ImprovementCredit.of(history(), Direction.MINIMIZE, 0, BY_ATTR)).isEqualTo(new ImprovementCredit(4, 3, 2, 2, 2, 2));
    }

    @Test
    void theCreditIsTheSameWhateverOrderTheTrialsCompletedIn() {
        List<FrozenTrial> shuffled = new ArrayList<>(history());
        Collections.reverse(shuffled);
        assertThat(ImprovementCredit.of(shuffled, Direction.MINIMIZE, 2, BY_ATTR))
                .isEqualTo(ImprovementCredit.of(history(), Direction.MINIMIZE, 2, BY_ATTR));
    }

    @Test
    void anImprovementIsJudgedAgainstEveryLowerNumberedTrialIncludingThoseBeforeTheCountedOnes() {
        List<FrozenTrial> trials = List.of(trial(0, "d", 1), trial(1, "c", 2), trial(2, "d", 0.5));
        assertThat(ImprovementCredit.of(trials, Direction.MINIMIZE, 1, BY_ATTR)).isEqualTo(new ImprovementCredit(1, 1, 1, 0, 0.5, 0));
        assertThat(ImprovementCredit.of(trials, Direction.MAXIMIZE, 1, BY_ATTR)).isEqualTo(new ImprovementCredit(1, 0, 1, 1, 0, 1));
    }

    @Test
    void theChallengerLeadsOnlyWhenItsImprovementRateWithAOneInTwoPriorIsStrictlyHigher() {
        assertThat(new ImprovementCredit(0, 0, 0, 0).challengerLeads()).isFalse();
        assertThat(new ImprovementCredit(2, 1, 2, 2).challengerLeads()).isTrue();
        assertThat(new ImprovementCredit(4, 1, 2, 1).challengerLeads()).isTrue();
        assertThat(new ImprovementCredit(2, 1, 2, 1).challengerLeads()).isFalse();
        assertThat(new ImprovementCredit(2, 2, 4, 2).challengerLeads()).isFalse();
    }

    @Test
    void eachSidesGainIsWhatItsImprovementsTookOffTheBestLossAndTheFirstTrialHasNothingToTakeOff() {
        ImprovementCredit fromZero = ImprovementCredit.of(history(), Direction.MINIMIZE, 0, BY_ATTR);
        // trial 0 improves on nothing (no gain); 1 and 2 take 1 each off the best loss; 3 and 5 take 1 each
        assertThat(fromZero.defenderGain()).isEqualTo(2);
        assertThat(fromZero.challengerGain()).isEqualTo(2);
    }

    @Test
    void byGainOneLargeStepOutweighsManySmallRefinements() {
        // the defender refined eight times by 0.01 in ten trials, the challenger took one step of 1 in five
        ImprovementCredit credit = new ImprovementCredit(10, 8, 5, 1, 0.08, 1);
        assertThat(credit.challengerLeads()).isFalse();
        assertThat(credit.challengerLeadsByGain()).isTrue();
    }

    @Test
    void byGainTheDefenderKeepsTheTurnWithoutGainsAndOnATie() {
        assertThat(new ImprovementCredit(0, 0, 0, 0).challengerLeadsByGain()).isFalse();
        assertThat(new ImprovementCredit(3, 0, 3, 0).challengerLeadsByGain()).isFalse();
        assertThat(new ImprovementCredit(2, 1, 2, 1, 0.5, 0.5).challengerLeadsByGain()).isFalse();
        assertThat(new ImprovementCredit(2, 1, 2, 1, 0.5, 0.6).challengerLeadsByGain()).isTrue();
    }

    @Test
    void byGainTheDecisionDoesNotDependOnTheLossesScaleOrOffset() {
        List<FrozenTrial> trials = List.of(trial(0, "d", 5), trial(1, "d", 4.99), trial(2, "c", 3), trial(3, "d", 2.98),
                trial(4, "d", 2.97), trial(5, "c", 9));
        for (double scale : new double[] {1e-6, 1, 1e6}) {
            for (double offset : new double[] {-1e3, 0, 1e3}) {
                List<FrozenTrial> moved = trials.stream().map(t -> trial(t.number(),
                        String.valueOf(t.systemAttrs().get(SIDE)), offset + scale * t.value())).toList();
                ImprovementCredit credit = ImprovementCredit.of(moved, Direction.MINIMIZE, 1, BY_ATTR);
                assertThat(credit.challengerLeadsByGain()).as("scale %s offset %s", scale, offset).isTrue();
                assertThat(credit.challengerLeads()).as("scale %s offset %s", scale, offset).isFalse();
            }
        }
    }
}
