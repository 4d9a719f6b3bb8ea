package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SortedKernelsTest {

    private static double fullSum(double x, double[] mu, double[] sigma, double[] base) {
        double max = Double.NEGATIVE_INFINITY;
        double[] v = new double[mu.length];
        for (int c = 0; c < mu.length; c++) {
            double z = (x - mu[c]) / sigma[c];
            v[c] = base[c] - 0.5 * z * z;
            max = Math.max(max, v[c]);
        }
        double sum = 0;
        for (double t : v) {
            sum += Math.exp(t - max);
        }
        return max + Math.log(sum);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 30, 1000})
    void windowedScoringEqualsTheSumOverEveryKernel(int n) {
        SplittableRandom random = new SplittableRandom(n);
        double[] mu = new double[n + 1];
        double[] sigma = new double[n + 1];
        double[] base = new double[n + 1];
        for (int c = 0; c < n; c++) {
            mu[c] = random.nextDouble() < 0.2 ? 0.3 : random.nextDouble();
            sigma[c] = random.nextDouble() < 0.05 ? 0.5 : 0.001 + 0.02 * random.nextDouble();
            base[c] = Math.log(1 + random.nextDouble()) - Math.log(n + 1);
        }
        mu[n] = 0.5;
        sigma[n] = 1;
        base[n] = -Math.log(n + 1);
        double[] values = java.util.Arrays.copyOf(mu, n);
        SortedKernels kernels = new SortedKernels(mu, sigma, base, Bandwidths.ascending(values), -40);
        double[] scratch = new double[n];
        for (int i = 0; i < 200; i++) {
            double x = i < 20 ? mu[i % Math.max(1, n)] : random.nextDouble();
            assertThat(kernels.logPdf(x, scratch)).isCloseTo(fullSum(x, mu, sigma, base), within(1e-12));
        }
    }
}
