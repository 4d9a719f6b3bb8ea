package io.tunelab.search.space;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DistributionKindsTest {
    @Test
    void intsAndSteppedFloatsHaveAGridAndContinuousFloatsAndCategoricalsDoNot() {
        assertThat(Distribution.hasGrid(IntDistribution.uniform(1, 8))).isTrue();
        assertThat(Distribution.hasGrid(IntDistribution.logUniform(1, 1024))).isTrue();
        assertThat(Distribution.hasGrid(FloatDistribution.stepped(0, 1, 0.1))).isTrue();
        assertThat(Distribution.hasGrid(FloatDistribution.uniform(0, 1))).isFalse();
        assertThat(Distribution.hasGrid(FloatDistribution.logUniform(3e-4, 3e-2))).isFalse();
        assertThat(Distribution.hasGrid(CategoricalDistribution.of("adam", "sgd"))).isFalse();
    }

    @Test
    void gridsCategoricalsAndSingleValuesAreFiniteWhileContinuousFloatsAndExponentialsAreNot() {
        assertThat(Distribution.isFinite(IntDistribution.uniform(1, 8))).isTrue();
        assertThat(Distribution.isFinite(FloatDistribution.stepped(0, 1, 0.1))).isTrue();
        assertThat(Distribution.isFinite(CategoricalDistribution.of("adam", "sgd"))).isTrue();
        assertThat(Distribution.isFinite(FloatDistribution.uniform(0.5, 0.5))).isTrue();
        assertThat(Distribution.isFinite(FloatDistribution.uniform(0, 1))).isFalse();
        assertThat(Distribution.isFinite(ExponentialDistribution.withScale(2))).isFalse();
    }
}
