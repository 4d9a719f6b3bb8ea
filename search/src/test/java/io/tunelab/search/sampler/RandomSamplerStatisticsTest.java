package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.Histories;
import io.tunelab.search.trial.StudyView;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Goodness-of-fit of {@link RandomSampler} draws, one per trial number as a study makes them. Seeds are
 * fixed, so the p-values are fixed numbers; each test also shows that the statistic rejects a wrong
 * distribution, so it can fail.
 */
class RandomSamplerStatisticsTest {
    private static final int N = 20_000;
    private static final double ALPHA = 0.01;
    private static final StudyView STUDY = Histories.view("stats", Direction.MINIMIZE, List.of());

    private static double[] draws(long seed, String name, Distribution distribution) {
        RandomSampler sampler = new RandomSampler(seed);
        double[] x = new double[N];
        for (int n = 0; n < N; n++) {
            x[n] = sampler.sampleIndependent(STUDY, Histories.running(n), name, distribution);
        }
        return x;
    }

    /** Observed counts of each admissible value {@code low + k * step}. */
    private static long[] counts(double[] draws, double low, double step, int cells) {
        long[] counts = new long[cells];
        for (double x : draws) {
            counts[(int) Math.rint((x - low) / step)]++;
        }
        return counts;
    }

    private static double[] expected(int cells, IntToDoubleFunction probability) {
        double[] e = new double[cells];
        for (int k = 0; k < cells; k++) {
            e[k] = probability.applyAsDouble(k) * N;
        }
        return e;
    }

    private static double chiSquareP(double[] expected, long[] observed) {
        return new ChiSquareTest().chiSquareTest(expected, observed);
    }

    @Test
    void logUniformDrawsPassKolmogorovSmirnovAgainstTheReciprocalDistribution() {
        double low = 1e-5;
        double high = 1e-1;
        UniformRealDistribution logCdf = new UniformRealDistribution(Math.log(low), Math.log(high));
        double[] reciprocal = draws(42, "lr", FloatDistribution.logUniform(low, high));
        double[] uniform = draws(42, "lr", FloatDistribution.uniform(low, high));

        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        assertThat(ks.kolmogorovSmirnovTest(logCdf, Arrays.stream(reciprocal).map(Math::log).toArray()))
                .isGreaterThan(ALPHA);
        assertThat(ks.kolmogorovSmirnovTest(logCdf, Arrays.stream(uniform).map(Math::log).toArray()))
                .as("uniform draws are rejected").isLessThan(1e-9);
        assertThat(Arrays.stream(reciprocal).min().orElseThrow()).isGreaterThanOrEqualTo(low);
        assertThat(Arrays.stream(reciprocal).max().orElseThrow()).isLessThanOrEqualTo(high);
    }

    @Test
    void exponDrawsPassKolmogorovSmirnovAgainstScipysExpon() {
        double loc = 0.5;
        double scale = 2.0;
        Distribution expon = new io.tunelab.search.space.ExponentialDistribution(loc, scale);
        double[] shifted = Arrays.stream(draws(9, "gamma", expon)).map(x -> x - loc).toArray();

        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        assertThat(ks.kolmogorovSmirnovTest(new ExponentialDistribution(null, scale), shifted)).isGreaterThan(ALPHA);
        assertThat(ks.kolmogorovSmirnovTest(new ExponentialDistribution(null, 1.1 * scale), shifted))
                .as("a 10% larger scale is rejected").isLessThan(1e-9);
        assertThat(Arrays.stream(shifted).min().orElseThrow()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void uniformFloatDrawsPassKolmogorovSmirnov() {
        double[] x = draws(7, "dropout", FloatDistribution.uniform(-2, 3));

        assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new UniformRealDistribution(-2, 3), x))
                .isGreaterThan(ALPHA);
    }

    @Test
    void intDrawsAreUniformOverTheRangeIncludingBothEnds() {
        long[] observed = counts(draws(1, "layers", IntDistribution.uniform(0, 9)), 0, 1, 10);

        assertThat(chiSquareP(expected(10, k -> 0.1), observed)).isGreaterThan(ALPHA);
        assertThat(chiSquareP(expected(10, k -> k < 5 ? 0.12 : 0.08), observed)).as("a skewed law is rejected")
                .isLessThan(1e-9);
    }

    @Test
    void logIntDrawsFollowTheLogUniformLawOfTheWidenedRange() {
        int low = 1;
        int high = 32;
        double span = Math.log((high + 0.5) / (low - 0.5));
        long[] observed = counts(draws(2, "units", IntDistribution.logUniform(low, high)), low, 1, high - low + 1);

        double[] logLaw = expected(high - low + 1, k -> Math.log((low + k + 0.5) / (low + k - 0.5)) / span);
        assertThat(chiSquareP(logLaw, observed)).isGreaterThan(ALPHA);
        assertThat(chiSquareP(expected(high - low + 1, k -> 1.0 / (high - low + 1)), observed))
                .as("a uniform law is rejected").isLessThan(1e-9);
    }

    @Test
    void steppedFloatDrawsAreUniformOverTheGrid() {
        long[] observed = counts(draws(3, "dropout", FloatDistribution.stepped(0, 0.5, 0.1)), 0, 0.1, 6);

        assertThat(chiSquareP(expected(6, k -> 1.0 / 6), observed)).isGreaterThan(ALPHA);
        assertThat(chiSquareP(expected(6, k -> k == 0 ? 0.2 : 0.16), observed)).isLessThan(1e-9);
    }

    @Test
    void steppedIntDrawsAreUniformOverTheGrid() {
        long[] observed = counts(draws(4, "batch", IntDistribution.stepped(16, 128, 16)), 16, 16, 8);

        assertThat(chiSquareP(expected(8, k -> 1.0 / 8), observed)).isGreaterThan(ALPHA);
        assertThat(Arrays.stream(observed).min().orElseThrow()).isGreaterThan(N / 8 * 9 / 10);
    }

    @Test
    void categoricalDrawsAreUniformOverTheChoices() {
        long[] observed = counts(draws(5, "optimizer",
                CategoricalDistribution.of("sgd", "momentum", "adam", "rmsprop", "nesterov")), 0, 1, 5);

        assertThat(chiSquareP(expected(5, k -> 0.2), observed)).isGreaterThan(ALPHA);
        assertThat(Arrays.stream(observed).max().orElseThrow() - Arrays.stream(observed).min().orElseThrow())
                .isLessThan(N / 5 / 10);
    }
}
