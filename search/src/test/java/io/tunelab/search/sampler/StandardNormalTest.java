package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class StandardNormalTest {
    private final NormalDistribution reference = new NormalDistribution();

    @Test
    void cdfAndLogCdfMatchCommonsMathAcrossTheRange() {
        for (double z = -20; z <= 8; z += 0.37) {
            double p = reference.cumulativeProbability(z);
            assertThat(StandardNormal.cdf(z)).isCloseTo(p, within(1e-8 * Math.max(p, 1e-300) + 1e-15));
            assertThat(StandardNormal.logCdf(z)).isCloseTo(Math.log(p), within(1e-7 * Math.max(1, Math.abs(Math.log(p)))));
        }
    }

    @Test
    void logCdfStaysFiniteFarInTheLowerTail() {
        assertThat(StandardNormal.logCdf(-40)).isFinite().isCloseTo(-804.6084420137538, within(1e-6));
    }

    @Test
    void logIntervalProbabilityIsExactInBothTails() {
        double upper = Math.log(reference.cumulativeProbability(3) - reference.cumulativeProbability(2));
        assertThat(StandardNormal.logIntervalProbability(2, 3)).isCloseTo(upper, within(1e-7));
        assertThat(StandardNormal.logIntervalProbability(-3, -2)).isCloseTo(upper, within(1e-7));
        assertThat(StandardNormal.logIntervalProbability(1, 1)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void logHMatchesTheDirectFormulaAndKeepsGoingWhereItUnderflows() {
        for (double z : new double[] {-25, -10, -3, -0.5, 0, 1, 4}) {
            double h = z * reference.cumulativeProbability(z) + reference.density(z);
            assertThat(StandardNormal.logH(z)).isCloseTo(Math.log(h), within(1e-6 * Math.max(1, Math.abs(Math.log(h)))));
        }
        assertThat(StandardNormal.logH(-60)).isFinite().isLessThan(StandardNormal.logH(-50));
    }
}
