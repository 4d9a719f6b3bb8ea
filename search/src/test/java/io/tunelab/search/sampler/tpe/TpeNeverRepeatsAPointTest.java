package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.FiniteSpaces;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * In spaces of finitely many values, TPE's proposals after the start-up never repeat the parameters of an evaluated
 * trial while an unevaluated point remains: TPE takes its best-ranked candidate that is new. Before this rule
 * every test here failed (its best-ranked candidate is drawn from the good points' own kernels, and on stepped BBOB
 * in 2-D one proposal in five repeated a point).
 */
class TpeNeverRepeatsAPointTest {
    private static final int STARTUP = 10;

    @Test
    void onAGridOfIntegersProposalsVisitNewCellsUntilTheGridIsUsedUpAndThenMayRepeat() {
        FiniteSpaces.assertGridUsedUpBeforeAnyRepeat(new TpeSampler(2), STARTUP);
    }

    @Test
    void onSteppedFloatsNoProposalRepeatsAnEvaluatedPoint() {
        Study study = Study.builder("stepped").seed(3).sampler(new TpeSampler(3)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -1, 1, RangeOptions.step(0.25));
            double y = t.suggestFloat("y", -1, 1, RangeOptions.step(0.25));
            return x * x + 2 * y * y + 0.1 * x * y;
        }, OptimizeOptions.trials(60).withParallelism(1));
        FiniteSpaces.assertNewPointsWhileAnyAreLeft(study.trials(EnumSet.of(TrialState.COMPLETE)), 81, STARTUP);
    }

    @Test
    void onFourIntegersWhereTheModelCreditWouldTakeUnivariateTurnsNoProposalRepeatsAnEvaluatedPoint() {
        Study study = Study.builder("four ints").seed(5).sampler(new TpeSampler(5)).create();
        study.optimize(t -> {
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                int n = t.suggestInt("n" + i, 0, 2);
                sum += (n - 1) * (n - 1) * (i + 1);
            }
            return sum;
        }, OptimizeOptions.trials(70).withParallelism(1));
        FiniteSpaces.assertNewPointsWhileAnyAreLeft(study.trials(EnumSet.of(TrialState.COMPLETE)), 81, STARTUP);
    }

    @Test
    void categoricalsDecidedOneAtATimeAreDecidedJointlyWhenTheyWouldRepeatAPoint() {
        Study study = Study.builder("choices").seed(4).sampler(new TpeSampler(4)).create();
        study.optimize(t -> {
            String activation = t.suggestCategorical("activation", List.of("relu", "tanh", "selu"));
            String optimizer = t.suggestCategorical("optimizer", List.of("sgd", "adam", "rmsprop"));
            String init = t.suggestCategorical("init", List.of("he", "glorot", "lecun"));
            return (activation.equals("selu") ? 0 : 1) + (optimizer.equals("adam") ? 0 : 0.5)
                    + (init.equals("he") ? 0 : 0.25);
        }, OptimizeOptions.trials(27).withParallelism(1));
        FiniteSpaces.assertNewPointsWhileAnyAreLeft(study.trials(EnumSet.of(TrialState.COMPLETE)), 27, STARTUP);
    }

    @Test
    void aProposalKeepsOffThePointOfATrialStillRunning() {
        for (long seed = 1; seed <= 10; seed++) {
            Study study = gridWithTwoPointsLeft(seed);
            Map<String, Integer> running = suggestCell(study.ask());
            Map<String, Integer> next = suggestCell(study.ask());
            assertThat(List.of(running, next)).as("seed %d", seed)
                    .containsExactlyInAnyOrder(Map.of("a", 0, "b", 2), Map.of("a", 1, "b", 2));
        }
    }

    @Test
    void whenTheBestCategoryHasNoNewPointLeftTheCategoryIsDecidedAgainWithTheRest() {
        Study study = Study.builder("branch").sampler(new TpeSampler(RandomStreams.seeded(5),
                TpeOptions.defaults().withStartupTrials(2))).create();
        study.optimize(t -> {
            String impurity = t.suggestCategorical("impurity", List.of("gini", "entropy"));
            int depth = t.suggestInt("depth", 0, 4);
            return (impurity.equals("gini") ? 0 : 10) + Math.abs(depth - 2);
        }, OptimizeOptions.trials(10).withParallelism(1));
        FiniteSpaces.assertNewPointsWhileAnyAreLeft(study.trials(EnumSet.of(TrialState.COMPLETE)), 10, 2);
    }

    @Test
    void aPointWhoseTrialFailedIsNotProposedAgain() {
        FiniteSpaces.assertFailedPointNotProposedAgain(new TpeSampler(6), STARTUP);
    }

    @Test
    void aProposalKeepsOffThePointATrialAskedJustBeforeWillTakeBeforeThatTrialSuggestsIt() {
        for (long seed = 1; seed <= 10; seed++) {
            Study study = gridWithTwoPointsLeft(seed);
            Trial first = study.ask(); // two workers ask before either has suggested a parameter
            Trial second = study.ask();
            assertThat(List.of(suggestCell(first), suggestCell(second))).as("seed %d", seed)
                    .containsExactlyInAnyOrder(Map.of("a", 0, "b", 2), Map.of("a", 1, "b", 2));
        }
    }

    /** A study of TPE (seeded with {@code seed}) that evaluated four of the six points of {@link #suggestCell}. */
    private static Study gridWithTwoPointsLeft(long seed) {
        Study study = Study.builder("grid").sampler(new TpeSampler(RandomStreams.seeded(seed),
                TpeOptions.defaults().withStartupTrials(1))).create();
        for (int[] cell : new int[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
            study.enqueueTrial(Map.of("a", cell[0], "b", cell[1]));
            Trial t = study.ask();
            study.tell(t, suggestCell(t).hashCode() % 7);
        }
        return study;
    }

    /** A 2 × 3 grid: six points. */
    private static Map<String, Integer> suggestCell(Trial t) {
        return Map.of("a", t.suggestInt("a", 0, 1), "b", t.suggestInt("b", 0, 2));
    }
}
