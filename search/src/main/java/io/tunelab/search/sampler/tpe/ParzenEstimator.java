package io.tunelab.search.sampler.tpe;

import io.tunelab.search.sampler.StandardNormal;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.SearchSpaceTransform;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A Parzen estimator over one group of parameters (Bergstra et al. 2011, "Algorithms for
 * hyper-parameter optimization"): a weighted mixture with one component per observation plus a prior
 * component, each a product of one kernel per parameter. Numeric parameters live on the unit line of
 * {@link SearchSpaceTransform} (log scale for log parameters) and get normal kernels truncated to
 * {@code [0, 1]}; ints and stepped floats are scored by the mass of their grid cell; categoricals get
 * a smoothed one-hot distribution.
 *
 * <p>Scoring weighs the continuous kernels by their bandwidth: a component contributes
 * {@code w φ((x − μ)/σ) / Z} rather than the density {@code w φ((x − μ)/σ) / (σ Z)}. Wide kernels
 * (isolated observations, the prior) then count for more in l(x)/g(x), which keeps the search
 * exploring; this is what Optuna 3.1's TPE computes, and it beat the normalised density on five of
 * the six single-objective problems of {@code shared/bench/PROBLEMS.md}. Sampling uses the true mixture.
 *
 * <p>Points are {@code double[]} with one entry per parameter: the unit coordinate for numeric
 * parameters (a cell's coordinate for discrete ones), the choice index for categoricals. Immutable
 * after construction; thread-safe.
 */
final class ParzenEstimator {
    private static final int MAX_REJECTIONS = 64;
    /** Components more than e^40 below the largest add less than 1e-17 relative: skip their exp. */
    private static final double NEGLIGIBLE = -40;

    private final Distribution[] dists;
    private final int components;
    private final double[] cumulativeWeights;
    /** Per component: log weight minus the normalising constants of its numeric kernels. */
    private final double[] base;
    private final double[][] mus;
    private final double[][] sigmas;
    private final double[][] invSigmas;
    private final double[][][] categoryProbs;
    private final double[][][] categoryLogProbs;
    /** The fast scorer of a single continuous parameter, else null. */
    private final SortedKernels sorted;
    private int[] univariateOrder;

    /**
     * Builds the estimator from one group of observations (oldest first, so that the default weights
     * favour recent trials). {@code weights} holds one weight per observation and the prior's last,
     * or is null for {@link Weights#of} with the options' prior weight.
     */
    ParzenEstimator(TpeSplit.Group group, List<Distribution> distributions, TpeOptions options, double[] weights) {
        int n = group.size();
        int p = distributions.size();
        this.dists = distributions.toArray(new Distribution[0]);
        this.components = n + 1;
        double[] w = weights != null ? weights : Weights.of(n, options.priorWeight());
        double total = Arrays.stream(w).sum();
        this.cumulativeWeights = new double[components];
        this.base = new double[components];
        double acc = 0;
        for (int c = 0; c < components; c++) {
            acc += w[c] / total;
            cumulativeWeights[c] = acc;
            base[c] = Math.log(w[c] / total);
        }
        this.mus = new double[p][];
        this.sigmas = new double[p][];
        this.invSigmas = new double[p][];
        this.categoryProbs = new double[p][][];
        this.categoryLogProbs = new double[p][][];
        for (int j = 0; j < p; j++) {
            double[] values = group.values()[j];
            if (dists[j] instanceof CategoricalDistribution c) {
                categorical(j, values, c.choices().size(), options.priorWeight());
            } else {
                numeric(j, values, group.orders()[j], p, options);
            }
        }
        this.sorted = p == 1 && categoryProbs[0] == null && !Distribution.hasGrid(dists[0])
                ? new SortedKernels(mus[0], sigmas[0], base, univariateOrder, NEGLIGIBLE) : null;
    }

    private void categorical(int j, double[] values, int k, double priorWeight) {
        int n = values.length;
        categoryProbs[j] = new double[components][k];
        categoryLogProbs[j] = new double[components][k];
        double smoothing = priorWeight / components;
        for (int c = 0; c < components; c++) {
            double[] row = categoryProbs[j][c];
            Arrays.fill(row, c < n ? smoothing : 1.0 / k);
            if (c < n) {
                row[(int) values[c]] += 1;
            }
            double sum = Arrays.stream(row).sum();
            for (int m = 0; m < k; m++) {
                row[m] /= sum;
                categoryLogProbs[j][c][m] = Math.log(row[m]);
            }
        }
    }

    private void numeric(int j, double[] values, int[] order, int groupSize, TpeOptions options) {
        int n = values.length;
        double[] mu = Arrays.copyOf(values, components);
        mu[n] = 0.5;
        if (order == null && (groupSize == 1 || !options.multivariate() || options.neighbourBandwidths())) {
            order = Bandwidths.ascending(values);
        }
        univariateOrder = order;
        double[] sigma = Bandwidths.of(values, order, groupSize, options);
        double[] withPrior = Arrays.copyOf(sigma, components);
        withPrior[n] = 1.0;
        mus[j] = mu;
        sigmas[j] = withPrior;
        invSigmas[j] = new double[components];
        boolean discrete = Distribution.hasGrid(dists[j]);
        for (int c = 0; c < components; c++) {
            double s = withPrior[c];
            invSigmas[j][c] = 1 / s;
            double logZ = StandardNormal.logIntervalProbability(-mu[c] / s, (1 - mu[c]) / s);
            base[c] -= logZ + (discrete ? 0 : StandardNormal.LOG_SQRT_2PI);
        }
    }

    /** Draws {@code count} points. */
    double[][] sample(SplittableRandom random, int count) {
        double[][] out = new double[count][dists.length];
        for (int i = 0; i < count; i++) {
            int c = component(random.nextDouble());
            for (int j = 0; j < dists.length; j++) {
                out[i][j] = categoryProbs[j] != null ? drawCategory(categoryProbs[j][c], random)
                        : drawNumeric(j, mus[j][c], sigmas[j][c], random);
            }
        }
        return out;
    }

    /**
     * Draws {@code count} points from the mixture conditioned on the categorical values of {@code
     * fixed} (one entry per parameter: a choice index, or NaN where the parameter is free): each
     * component is chosen with probability proportional to its weight times the probability its
     * kernels give the fixed choices, so observations that made the same choices dominate. Fixed
     * entries are copied into every point.
     */
    double[][] sampleGiven(SplittableRandom random, int count, double[] fixed) {
        double[] cumulative = new double[components];
        double acc = 0;
        for (int c = 0; c < components; c++) {
            double logW = Math.log(c == 0 ? cumulativeWeights[0] : cumulativeWeights[c] - cumulativeWeights[c - 1]);
            for (int j = 0; j < dists.length; j++) {
                if (!Double.isNaN(fixed[j])) {
                    logW += categoryLogProbs[j][c][(int) fixed[j]];
                }
            }
            acc += Math.exp(logW);
            cumulative[c] = acc;
        }
        double[][] out = new double[count][dists.length];
        for (int i = 0; i < count; i++) {
            int c = component(cumulative, random.nextDouble() * acc);
            for (int j = 0; j < dists.length; j++) {
                out[i][j] = !Double.isNaN(fixed[j]) ? fixed[j]
                        : categoryProbs[j] != null ? drawCategory(categoryProbs[j][c], random)
                        : drawNumeric(j, mus[j][c], sigmas[j][c], random);
            }
        }
        return out;
    }

    private int component(double u) {
        return component(cumulativeWeights, u);
    }

    private int component(double[] cumulative, double u) {
        int i = Arrays.binarySearch(cumulative, u);
        int c = i >= 0 ? i : -i - 1;
        return Math.min(c, components - 1);
    }

    private static double drawCategory(double[] probs, SplittableRandom random) {
        double u = random.nextDouble();
        double acc = 0;
        for (int m = 0; m < probs.length; m++) {
            acc += probs[m];
            if (u < acc) {
                return m;
            }
        }
        return probs.length - 1;
    }

    private double drawNumeric(int j, double mu, double sigma, SplittableRandom random) {
        double x = Double.NaN;
        for (int tries = 0; tries < MAX_REJECTIONS; tries++) {
            x = mu + sigma * random.nextGaussian();
            if (x >= 0 && x <= 1) {
                break;
            }
        }
        x = Math.min(1, Math.max(0, x));
        if (Distribution.hasGrid(dists[j])) {
            x = SearchSpaceTransform.encode(dists[j], SearchSpaceTransform.decode(dists[j], new double[] {x}, 0));
        }
        return x;
    }

    /** The log-density (log-mass for discrete parameters) of each point. */
    double[] logPdf(double[][] points) {
        double[] out = new double[points.length];
        if (sorted != null) {
            double[] scratch = new double[sorted.size()];
            for (int i = 0; i < points.length; i++) {
                out[i] = sorted.logPdf(points[i][0], scratch);
            }
            return out;
        }
        double[] acc = new double[components];
        for (int i = 0; i < points.length; i++) {
            System.arraycopy(base, 0, acc, 0, components);
            for (int j = 0; j < dists.length; j++) {
                double x = points[i][j];
                if (categoryLogProbs[j] != null) {
                    double[][] lp = categoryLogProbs[j];
                    int m = (int) x;
                    for (int c = 0; c < components; c++) {
                        acc[c] += lp[c][m];
                    }
                } else if (Distribution.hasGrid(dists[j])) {
                    double[] cell = UnitCells.cell(dists[j], SearchSpaceTransform.decode(dists[j], new double[] {x}, 0));
                    double[] mu = mus[j];
                    double[] inv = invSigmas[j];
                    for (int c = 0; c < components; c++) {
                        acc[c] += StandardNormal.logIntervalProbability((cell[0] - mu[c]) * inv[c], (cell[1] - mu[c]) * inv[c]);
                    }
                } else {
                    double[] mu = mus[j];
                    double[] inv = invSigmas[j];
                    for (int c = 0; c < components; c++) {
                        double z = (x - mu[c]) * inv[c];
                        acc[c] -= 0.5 * z * z;
                    }
                }
            }
            out[i] = logSumExp(acc);
        }
        return out;
    }

    private static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) {
            max = Math.max(max, v);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double sum = 0;
        for (double v : a) {
            double d = v - max;
            if (d > NEGLIGIBLE) {
                sum += Math.exp(d);
            }
        }
        return max + Math.log(sum);
    }
}
