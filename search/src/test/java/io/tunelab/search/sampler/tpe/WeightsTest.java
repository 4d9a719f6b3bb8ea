package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WeightsTest {

    @Test
    void recencyWeightsRampTheObservationsOlderThanTheLatestTwentyFive() {
        double[] w = Weights.of(30, 2.0);
        assertThat(w).hasSize(31);
        assertThat(w[0]).isCloseTo(1.0 / 30, within(1e-12));
        assertThat(w[4]).isCloseTo(1.0, within(1e-12));
        assertThat(w[5]).isEqualTo(1.0);
        assertThat(w[30]).isEqualTo(2.0);
    }

    @Test
    void improvementWeightsGrowWithTheGainOnTheThresholdAndThePriorGetsTheirMean() {
        double[] w = Weights.improvement(new double[] {1.0, 3.0, Double.NaN, 4.0}, 4.0, 2.0);
        assertThat(w).containsExactly(3.0, 1.0, 1e-12, 1e-12, 2.0 * (4.0 + 2e-12) / 4);
    }

    @Test
    void improvementWeightsNeedAFiniteThreshold() {
        assertThat(Weights.improvement(new double[] {1.0}, Double.POSITIVE_INFINITY, 1.0)).isNull();
    }
}
