package io.tunelab.search.sampler.cmaes;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.SearchSpaceTransform;
import io.tunelab.search.sampler.StandardNormal;
import org.apache.commons.math3.special.Erf;

/**
 * The margin of CMA-ES with margin (Hamano, Saito, Nomura, Shirakawa, GECCO 2022): after each update, every
 * discrete coordinate (an int, or a float with a step) keeps a probability of at least {@code alpha} of
 * sampling another value than the one its mean rounds to, so that the strategy cannot freeze an integer
 * while its continuous coordinates converge. In the unit cube each admissible value owns a cell; with the
 * coordinate's marginal {@code N(m, s²)}, {@code s = σ · scale · √C_jj}:
 * <ul>
 *   <li>a cell at the edge of the range has one neighbour: when the probability beyond the threshold is
 *       below {@code alpha}, the mean moves towards the threshold until it is {@code alpha};</li>
 *   <li>an inner cell has two: each side's probability is raised to at least {@code alpha / 2} by
 *       solving for the mean and the coordinate's scale that put both thresholds at those quantiles
 *       (σ and C are left alone; the scale stretches the coordinate when a point is encoded).</li>
 * </ul>
 * Stateless.
 */
final class IntegerMargin {
    private IntegerMargin() {
    }

    /** Applies the margin to {@code state}'s discrete coordinates ({@code dists[j]} is coordinate j's law). */
    static void apply(CmaState state, Distribution[] dists, double alpha) {
        for (int j = 0; j < state.n; j++) {
            if (Distribution.hasGrid(dists[j])) {
                correct(state, j, dists[j], alpha);
            }
        }
    }

    private static void correct(CmaState state, int j, Distribution d, double alpha) {
        double m = state.mean[j];
        double base = state.sigma * Math.sqrt(state.cov[j][j]);
        double sd = base * state.scale[j];
        if (!(sd > 0)) {
            return;
        }
        double value = SearchSpaceTransform.decode(d, new double[] {m}, 0);
        double half = halfStep(d);
        boolean hasLow = value - half > low(d);
        boolean hasHigh = value + half < high(d);
        double lo = hasLow ? SearchSpaceTransform.encode(d, value - half) : Double.NaN;
        double hi = hasHigh ? SearchSpaceTransform.encode(d, value + half) : Double.NaN;
        if (hasLow && hasHigh) {
            double pLo = Math.max(StandardNormal.cdf((lo - m) / sd), alpha / 2);
            double pHi = Math.max(StandardNormal.cdf((m - hi) / sd), alpha / 2);
            double zLo = upperQuantile(pLo);
            double zHi = upperQuantile(pHi);
            double newSd = (hi - lo) / (zLo + zHi);
            state.mean[j] = lo + zLo * newSd;
            state.scale[j] = newSd / base;
        } else if (hasLow || hasHigh) {
            double threshold = hasLow ? lo : hi;
            double beyond = StandardNormal.cdf(-Math.abs(m - threshold) / sd);
            if (beyond < alpha) {
                state.mean[j] = threshold + Math.signum(m - threshold) * sd * upperQuantile(alpha);
            }
        }
    }

    /** z with P(Z > z) = p. */
    private static double upperQuantile(double p) {
        return Math.sqrt(2) * Erf.erfInv(1 - 2 * p);
    }

    private static double halfStep(Distribution d) {
        if (d instanceof IntDistribution n) {
            return n.step() / 2.0;
        }
        return ((FloatDistribution) d).step() / 2;
    }

    private static double low(Distribution d) {
        return d instanceof IntDistribution n ? n.low() : ((FloatDistribution) d).low();
    }

    private static double high(Distribution d) {
        return d instanceof IntDistribution n ? n.high() : ((FloatDistribution) d).high();
    }
}
