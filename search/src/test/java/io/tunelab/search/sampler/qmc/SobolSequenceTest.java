package io.tunelab.search.sampler.qmc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.SamplerException;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SobolSequenceTest {

    private static double[][] points(SobolSequence sequence, int n) {
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            points[i] = sequence.point(i);
        }
        return points;
    }

    @Test
    void startsWithTheKnownPointsInTwoDimensions() {
        double[][] expected = {{0, 0}, {0.5, 0.5}, {0.75, 0.25}, {0.25, 0.75}, {0.375, 0.375},
            {0.875, 0.875}, {0.625, 0.125}, {0.125, 0.625}};

        assertThat(points(SobolSequence.unscrambled(2), 8)).isDeepEqualTo(expected);
    }

    @Test
    void agreesWithCommonsMathOnTheFirstThousandPointsInFortyDimensions() {
        SobolSequenceGenerator reference = new SobolSequenceGenerator(40);
        SobolSequence sequence = SobolSequence.unscrambled(40);

        for (int i = 0; i < 1000; i++) {
            assertThat(sequence.point(i)).as("point %d", i).containsExactly(reference.nextVector());
        }
    }

    @Test
    void scramblingKeepsOnePointPerIntervalInEveryProjectionOfTheFirstPowerOfTwoPoints() {
        int n = 256;
        double[][] points = points(SobolSequence.scrambled(6, new SplittableRandom(3)), n);

        for (int d = 0; d < 6; d++) {
            boolean[] hit = new boolean[n];
            for (double[] x : points) {
                int cell = (int) (x[d] * n);
                assertThat(hit[cell]).as("dimension %d interval %d hit twice", d, cell).isFalse();
                hit[cell] = true;
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePointsAndOtherSeedsOtherPoints() {
        double[][] a = points(SobolSequence.scrambled(5, new SplittableRandom(42)), 64);
        double[][] b = points(SobolSequence.scrambled(5, new SplittableRandom(42)), 64);
        double[][] c = points(SobolSequence.scrambled(5, new SplittableRandom(43)), 64);

        assertThat(a).isDeepEqualTo(b);
        for (int i = 0; i < 64; i++) {
            assertThat(a[i]).as("point %d", i).isNotEqualTo(c[i]);
        }
        assertThat(a[0]).as("a scrambled sequence does not start at the origin").isNotEqualTo(new double[5]);
    }

    @Test
    void scrambledCoordinatesStayInTheUnitInterval() {
        SobolSequence sequence = SobolSequence.scrambled(20, new SplittableRandom(9));
        for (int i = 0; i < 2000; i++) {
            for (double x : sequence.point(i)) {
                assertThat(x).isGreaterThanOrEqualTo(0).isLessThan(1);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4, 5, 6})
    void hasLowerCentredDiscrepancyThanSeededRandomPoints(int dimension) {
        int n = 256;
        double worstSobol = 0;
        double bestRandom = Double.MAX_VALUE;
        for (long seed = 1; seed <= 5; seed++) {
            worstSobol = Math.max(worstSobol,
                    Discrepancy.centredL2(points(SobolSequence.scrambled(dimension, new SplittableRandom(seed)), n)));
            SplittableRandom random = new SplittableRandom(seed);
            double[][] uniform = new double[n][dimension];
            for (double[] x : uniform) {
                for (int k = 0; k < dimension; k++) {
                    x[k] = random.nextDouble();
                }
            }
            bestRandom = Math.min(bestRandom, Discrepancy.centredL2(uniform));
        }

        assertThat(worstSobol).isLessThan(bestRandom / 2);
    }

    @Test
    void rejectsDimensionsAndIndicesOutOfRange() {
        assertThat(SobolSequence.maxDimension()).isEqualTo(1000);
        assertThatThrownBy(() -> SobolSequence.unscrambled(0)).isInstanceOf(SamplerException.class)
                .hasMessage("Sobol dimension must be in [1, 1000], got 0");
        assertThatThrownBy(() -> SobolSequence.unscrambled(1001)).hasMessageContaining("got 1001");
        assertThatThrownBy(() -> SobolSequence.unscrambled(1).point(-1)).hasMessageContaining("got -1");
    }
}
