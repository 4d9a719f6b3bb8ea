package io.tunelab.search.importance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import org.junit.jupiter.api.Test;

class FeatureMatrixTest {

    @Test
    void anExponentialValueIsPlacedAtItsCumulativeProbabilityAsABoundedOneWithinItsBounds() {
        ExponentialDistribution expon = new ExponentialDistribution(1, 2);

        assertThat(FeatureMatrix.unit(expon, 1 + 2 * Math.log(2))).isCloseTo(0.5, within(1e-12));
        assertThat(FeatureMatrix.unit(expon, 1)).isZero();
        assertThat(FeatureMatrix.unit(expon, 1e300)).isEqualTo(1.0);
        assertThat(FeatureMatrix.unit(FloatDistribution.logUniform(1e-4, 1e-2), 1e-3)).isCloseTo(0.5, within(1e-12));
    }
}
