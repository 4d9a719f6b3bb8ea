package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoSelectionTest {

    @Test
    void wholeFrontsAreTakenWhileTheyFitAndTheRestOfTheNextFrontByHypervolumeContribution() {
        double[][] losses = {
            {0, 1}, {1, 0},                     // front 0
            {0.2, 2}, {1, 1}, {1.9, 0.5}, {2, 0.2}, // front 1: {1, 1} spans the most area alone
            {3, 3},                             // front 2
        };
        assertThat(ParetoSelection.good(losses, 2)).containsExactly(0, 1);
        assertThat(ParetoSelection.good(losses, 3)).containsExactly(0, 1, 3);
        assertThat(ParetoSelection.good(losses, 6)).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(ParetoSelection.good(losses, 7)).containsExactly(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void theGreedySubsetAddsThePointThatAddsMostToThoseAlreadyTaken() {
        // {1, 1} first; then {0.1, 3} (far from it) adds more than {0.9, 1.2}, which hides mostly behind {1, 1}
        double[][] losses = {{0.9, 1.2}, {1, 1}, {0.1, 3}, {3, 0.1}};
        int[] two = ParetoSelection.good(losses, 2);
        assertThat(two).contains(1).doesNotContain(0);
    }

    @Test
    void eachGoodObservationWeighsItsExclusiveHypervolumeContributionRelativeToTheLargest() {
        // reference (1.1, 1.1): {0, 1} and {1, 0} each own 0.1 x 1.1 alone; {0.5, 0.5} owns 0.5 x 0.5
        double[] w = ParetoSelection.weights(new double[][] {{0, 1}, {0.5, 0.5}, {1, 0}});
        assertThat(w[1]).isEqualTo(1.0);
        assertThat(w[0]).isCloseTo(0.5 * 0.1 / 0.25, within(1e-9));
        assertThat(w[2]).isCloseTo(w[0], within(1e-12));
        assertThat(ParetoSelection.weights(new double[][] {{3, 4}})).containsExactly(1.0);
    }

    @Test
    void aDominatedOrRepeatedObservationKeepsASmallPositiveWeight() {
        double[] w = ParetoSelection.weights(new double[][] {{0.5, 0.5}, {0.5, 0.5}, {0.7, 0.7}});
        assertThat(Arrays.stream(w).min().orElseThrow()).isPositive();
        assertThat(Arrays.stream(w).max().orElseThrow()).isEqualTo(1.0);
    }

    @Test
    void theReferencePointLiesBeyondTheWorstPointWhateverItsSign() {
        assertThat(ParetoSelection.reference(List.of(new double[] {-2, 0}, new double[] {1, -1})))
                .containsExactly(1.1, ParetoSelection.EPS);
        assertThat(ParetoSelection.reference(List.of(new double[] {-2, -3}))).containsExactly(-1.8, -2.7);
    }
}
