package io.tunelab.search.sampler.tpe;

import java.util.Arrays;

/**
 * Fast log-density of a one-parameter mixture of normal kernels on the unit line plus one prior
 * kernel: with the observation kernels sorted by centre, a point only visits the kernels close enough
 * to matter. A kernel whose log-term lies more than {@code reach} below the prior's term (itself a
 * lower bound of the largest term) adds less than e^-40 relative to the sum, and a kernel of centre μ
 * is that far down whenever {@code |x − μ| > σmax √(2 (bmax − prior + 40))}, with σmax the widest
 * observation kernel and bmax its largest constant term. So the result equals the full sum over all
 * kernels except terms below e^-40 of the largest, in O(log n + kernels in reach). Immutable.
 */
final class SortedKernels {
    private final double[] sortedMu;
    private final double[] sortedInv;
    private final double[] sortedBase;
    private final double priorMu;
    private final double priorInv;
    private final double priorBase;
    private final double sigmaMax;
    private final double baseMax;
    private final double negligible;

    /**
     * @param mu         kernel centres, the prior's last
     * @param sigma      kernel widths, the prior's last
     * @param base       constant log-terms per kernel (log weight − log normaliser), the prior's last
     * @param order      indices of the observation kernels ascending by centre
     * @param negligible log-ratio below which a term is dropped (negative)
     */
    SortedKernels(double[] mu, double[] sigma, double[] base, int[] order, double negligible) {
        int n = order.length;
        sortedMu = new double[n];
        sortedInv = new double[n];
        sortedBase = new double[n];
        double smax = 0;
        double bmax = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            int c = order[k];
            sortedMu[k] = mu[c];
            sortedInv[k] = 1 / sigma[c];
            sortedBase[k] = base[c];
            smax = Math.max(smax, sigma[c]);
            bmax = Math.max(bmax, base[c]);
        }
        priorMu = mu[n];
        priorInv = 1 / sigma[n];
        priorBase = base[n];
        sigmaMax = smax;
        baseMax = bmax;
        this.negligible = negligible;
    }

    /** log Σ exp(base − z²/2) at {@code x}, dropping terms more than {@code -negligible} below the largest. */
    double logPdf(double x, double[] scratch) {
        double zp = (x - priorMu) * priorInv;
        double prior = priorBase - 0.5 * zp * zp;
        int n = sortedMu.length;
        int lo = 0;
        int hi = n;
        if (n > 0 && baseMax - prior - negligible < Double.MAX_VALUE) {
            double reach = sigmaMax * Math.sqrt(2 * Math.max(0, baseMax - prior - negligible));
            lo = lowerBound(x - reach);
            hi = lowerBound(Math.nextUp(x + reach));
        }
        double max = prior;
        for (int k = lo; k < hi; k++) {
            double z = (x - sortedMu[k]) * sortedInv[k];
            double v = sortedBase[k] - 0.5 * z * z;
            scratch[k] = v;
            max = Math.max(max, v);
        }
        double sum = 0;
        if (prior - max > negligible) {
            sum += Math.exp(prior - max);
        }
        for (int k = lo; k < hi; k++) {
            double d = scratch[k] - max;
            if (d > negligible) {
                sum += Math.exp(d);
            }
        }
        return max + Math.log(sum);
    }

    int size() {
        return sortedMu.length;
    }

    /** First index whose centre is {@code >= v}. */
    private int lowerBound(double v) {
        int i = Arrays.binarySearch(sortedMu, v);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && sortedMu[i - 1] == v) {
            i--;
        }
        return i;
    }
}
