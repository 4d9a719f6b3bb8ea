package io.tunelab.search.sampler.tpe;

import java.util.Arrays;

/**
 * Kernel bandwidths on the unit line. Neighbour rule (univariate, and multivariate per dimension
 * with {@link TpeOptions#neighbourBandwidths()}): each observation's bandwidth is the larger gap to
 * its neighbours among the sorted observations and the prior's centre (Bergstra et al. 2011), the
 * outermost ones measured inwards unless endpoints are considered. It adapts to where observations
 * crowd, which a product kernel needs as much as a single one: in the multivariate benchmark runs
 * it cut median regret two to threefold against the Scott-like rule. Otherwise (Optuna's
 * multivariate rule) one bandwidth for all, {@code 0.2 n^(-1/(d+4))}. Either way clipped to
 * {@code [min, 1]}, where the "magic clip" minimum is {@code 1 / min(100, 1 + kernels)}. Stateless.
 */
final class Bandwidths {
    private static final double MULTIVARIATE_SCALE = 0.2;
    private static final double EPS = 1e-12;
    private static final double PRIOR_MU = 0.5;

    private Bandwidths() {
    }

    /**
     * Bandwidths of the {@code values.length} observation kernels (the prior's is 1). {@code order}
     * lists the indices of {@code values} ascending by (value, index), or is null to be computed here.
     */
    static double[] of(double[] values, int[] order, int groupSize, TpeOptions options) {
        int n = values.length;
        double[] sigma = new double[n];
        if (options.multivariate() && !options.neighbourBandwidths()) {
            Arrays.fill(sigma, MULTIVARIATE_SCALE * Math.pow(Math.max(n, 1), -1.0 / (groupSize + 4)));
        } else {
            univariate(values, order != null ? order : ascending(values), sigma, options.considerEndpoints());
        }
        double min = options.magicClip() ? 1.0 / Math.min(100.0, 1.0 + n + 1) : EPS;
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.min(1.0, Math.max(min, sigma[i]));
        }
        return sigma;
    }

    /** The prior's centre joins the sorted observations after every value not above it. */
    private static void univariate(double[] values, int[] order, double[] sigma, boolean considerEndpoints) {
        int n = values.length;
        int m = n + 1;
        double[] s = new double[m + 2];
        int[] who = new int[m];
        int k = 0;
        boolean priorPlaced = false;
        for (int i = 0; i < n; i++) {
            double v = values[order[i]];
            if (!priorPlaced && v > PRIOR_MU) {
                who[k] = -1;
                s[++k] = PRIOR_MU;
                priorPlaced = true;
            }
            who[k] = order[i];
            s[++k] = v;
        }
        if (!priorPlaced) {
            who[k] = -1;
            s[++k] = PRIOR_MU;
        }
        s[m + 1] = 1;
        for (int i = 0; i < m; i++) {
            if (who[i] < 0) {
                continue;
            }
            double gap = Math.max(s[i + 1] - s[i], s[i + 2] - s[i + 1]);
            if (!considerEndpoints && m >= 2 && i == 0) {
                gap = s[2] - s[1];
            } else if (!considerEndpoints && m >= 2 && i == m - 1) {
                gap = s[m] - s[m - 1];
            }
            sigma[who[i]] = gap;
        }
    }

    /** Indices of {@code values} ascending by (value, index): a stable merge sort on primitives. */
    static int[] ascending(double[] values) {
        int n = values.length;
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] b = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n; lo += 2 * width) {
                int mid = Math.min(lo + width, n);
                int hi = Math.min(lo + 2 * width, n);
                int i = lo;
                int j = mid;
                for (int k = lo; k < hi; k++) {
                    b[k] = i < mid && (j >= hi || values[a[i]] <= values[a[j]]) ? a[i++] : a[j++];
                }
            }
            int[] t = a;
            a = b;
            b = t;
        }
        return a;
    }
}
