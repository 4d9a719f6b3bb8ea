package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TurboLengthTest {

    @Test
    void itStartsAtFourFifthsOfTheCubeAndTheStartUpTrialsNeitherSucceedNorFail() {
        assertThat(TurboLength.of(new double[0], 10, 3)).isEqualTo(0.8);
        assertThat(TurboLength.of(new double[] {5, 9, 9, 9, 9, 9}, 6, 2)).isEqualTo(0.8);
    }

    @Test
    void threeImprovementsInARowDoubleItUpToOnePointSix() {
        assertThat(TurboLength.of(new double[] {10, 9, 8, 7}, 1, 2)).isEqualTo(1.6);
        assertThat(TurboLength.of(new double[] {10, 9, 8, 7, 6, 5, 4}, 1, 2)).isEqualTo(1.6);
        assertThat(TurboLength.of(new double[] {10, 9, 8, 11, 7}, 1, 2)).as("the failure breaks the run").isEqualTo(0.8);
    }

    @Test
    void maxOfFourAndTheDimensionFailuresInARowHalveIt() {
        assertThat(TurboLength.of(failures(4), 1, 2)).isEqualTo(0.4);
        assertThat(TurboLength.of(failures(8), 1, 3)).isEqualTo(0.2);
        assertThat(TurboLength.of(failures(5), 1, 6)).as("six in six dimensions").isEqualTo(0.8);
        assertThat(TurboLength.of(failures(6), 1, 6)).isEqualTo(0.4);
    }

    @Test
    void anImprovementOfAThousandthOfTheBestOrLessAndAnInfeasibleTrialAreFailures() {
        double[] small = {100, 99.95, 99.9, 99.85, 99.8};
        assertThat(TurboLength.of(small, 1, 2)).isEqualTo(0.4);
        double[] infeasible = {1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY,
            Double.POSITIVE_INFINITY};
        assertThat(TurboLength.of(infeasible, 1, 2)).isEqualTo(0.4);
    }

    @Test
    void belowTwoToTheMinusSevenItStartsOverAtFourFifths() {
        assertThat(TurboLength.of(failures(24), 1, 2)).isEqualTo(0.8 / 64);
        assertThat(TurboLength.of(failures(28), 1, 2)).isEqualTo(0.8);
    }

    /** One start-up loss of 1, then {@code n} losses of 2. */
    private static double[] failures(int n) {
        double[] losses = new double[n + 1];
        Arrays.fill(losses, 2);
        losses[0] = 1;
        return losses;
    }
}
