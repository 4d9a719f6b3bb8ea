package io.tunelab.search.sampler.tpe;

import java.util.Arrays;

/**
 * Kernel bandwidths on the unit line. Univariate: each observation's bandwidth is the larger gap to
 * its neighbours among the sorted observations and the prior's centre (Bergstra et al. 2011), the
 * outermost ones measured inwards unless endpoints are considered. Multivariate: one bandwidth for
 * all, {@code 0.2 n^(-1/(d+4))}, a Scott-like rule. Either way clipped to {@code [min, 1]}, where the
 * "magic clip" minimum is {@code 1 / min(100, 1 + kernels)}. Stateless.
 */
final class Bandwidths {
    private static final double MULTIVARIATE_SCALE = 0.2;
    private static final double EPS = 1e-12;

    private Bandwidths() {
    }

    /** Bandwidths of the {@code values.length} observation kernels (the prior's is 1). */
    static double[] of(double[] values, int groupSize, TpeOptions options) {
        int n = values.length;
        double[] sigma = new double[n];
        if (options.multivariate()) {
            Arrays.fill(sigma, MULTIVARIATE_SCALE * Math.pow(Math.max(n, 1), -1.0 / (groupSize + 4)));
        } else {
            univariate(values, sigma, options.considerEndpoints());
        }
        double min = options.magicClip() ? 1.0 / Math.min(100.0, 1.0 + n + 1) : EPS;
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.min(1.0, Math.max(min, sigma[i]));
        }
        return sigma;
    }

    private static void univariate(double[] values, double[] sigma, boolean considerEndpoints) {
        int n = values.length;
        int m = n + 1;
        Integer[] order = new Integer[m];
        double[] withPrior = Arrays.copyOf(values, m);
        withPrior[n] = 0.5;
        for (int i = 0; i < m; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(withPrior[a], withPrior[b]));
        double[] s = new double[m + 2];
        s[0] = 0;
        for (int i = 0; i < m; i++) {
            s[i + 1] = withPrior[order[i]];
        }
        s[m + 1] = 1;
        double[] sorted = new double[m];
        for (int i = 0; i < m; i++) {
            sorted[i] = Math.max(s[i + 1] - s[i], s[i + 2] - s[i + 1]);
        }
        if (!considerEndpoints && m >= 2) {
            sorted[0] = s[2] - s[1];
            sorted[m - 1] = s[m] - s[m - 1];
        }
        for (int i = 0; i < m; i++) {
            if (order[i] < n) {
                sigma[order[i]] = sorted[i];
            }
        }
    }
}
