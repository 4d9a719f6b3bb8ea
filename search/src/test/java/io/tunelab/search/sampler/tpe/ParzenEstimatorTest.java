package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParzenEstimatorTest {
    private static final List<Distribution> SPACE = List.of(
            CategoricalDistribution.of("a", "b"), FloatDistribution.uniform(0, 1));

    /** Five observations chose a with x near 0.15, five chose b with x near 0.85. */
    private static ParzenEstimator twoBranches() {
        double[] choices = {0, 1, 0, 1, 0, 1, 0, 1, 0, 1};
        double[] xs = {0.14, 0.86, 0.15, 0.85, 0.16, 0.84, 0.13, 0.87, 0.17, 0.83};
        double[] losses = new double[10];
        TpeSplit.Group group = new TpeSplit.Group(new double[][] {choices, xs}, new int[2][], losses);
        return new ParzenEstimator(group, SPACE, TpeOptions.defaults(), null);
    }

    private static double shareWithin(double[][] points, double centre) {
        return Arrays.stream(points).filter(p -> Math.abs(p[1] - centre) < 0.25).count() / (double) points.length;
    }

    @Test
    void drawsGivenAChoiceKeepItAndComeMostlyFromTheObservationsThatMadeIt() {
        ParzenEstimator estimator = twoBranches();
        double[][] givenB = estimator.sampleGiven(new SplittableRandom(1), 400, new double[] {1, Double.NaN});
        double[][] givenA = estimator.sampleGiven(new SplittableRandom(2), 400, new double[] {0, Double.NaN});

        assertThat(Arrays.stream(givenB).mapToDouble(p -> p[0]).distinct().toArray()).containsExactly(1.0);
        assertThat(shareWithin(givenB, 0.85)).isGreaterThan(0.75);
        assertThat(shareWithin(givenA, 0.15)).isGreaterThan(0.75);
    }

    @Test
    void unconditionedDrawsSplitBetweenTheBranches() {
        double[][] points = twoBranches().sample(new SplittableRandom(3), 400);

        assertThat(shareWithin(points, 0.85)).isBetween(0.3, 0.6);
        assertThat(shareWithin(points, 0.15)).isBetween(0.3, 0.6);
    }
}
