package io.tunelab.search.sampler.cmaes;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * One run of CMA-ES on {@code n} coordinates with population {@code lambda}, following Hansen's tutorial
 * (2016), with its default parameters including negative ("active") weights: {@link #sample} draws
 * {@code m + σ B D z}; {@link #tell} updates the mean, the evolution paths, the covariance (rank-one and
 * rank-μ) and the step size (cumulative step-size adaptation), then decomposes the covariance once.
 * {@link #shouldStop} applies the tutorial's termination criteria (TolFun, TolX, NoEffectAxis,
 * NoEffectCoord, ConditionCov). Not thread-safe: {@link CmaReplay} guards it.
 */
final class CmaState {
    private static final double TOL_FUN = 1e-12;
    private static final double TOL_X_FACTOR = 1e-12;
    private static final double MAX_CONDITION = 1e14;

    final int n;
    final int lambda;
    private final int mu;
    private final double[] weights;
    private final double muEff;
    private final double cSigma;
    private final double dSigma;
    private final double cc;
    private final double c1;
    private final double cMu;
    private final double chiN;
    private final double sigma0;

    final double[] mean;
    double sigma;
    final double[][] cov;
    /** Per-coordinate scaling of the margin correction (1 for continuous coordinates). */
    final double[] scale;
    private final double[] pc;
    private final double[] ps;
    private double[][] basis;
    private double[] axes;
    private int generation;
    private final double[] funHistory;
    private final int funTerm;

    CmaState(double[] mean, double sigma, double[][] cov, int lambda) {
        this.n = mean.length;
        this.lambda = lambda;
        this.mu = lambda / 2;
        this.mean = mean.clone();
        this.sigma = sigma;
        this.sigma0 = sigma;
        this.cov = new double[n][];
        for (int i = 0; i < n; i++) {
            this.cov[i] = cov[i].clone();
        }
        this.scale = new double[n];
        Arrays.fill(scale, 1.0);
        this.pc = new double[n];
        this.ps = new double[n];

        double[] raw = new double[lambda];
        double posSum = 0;
        double posSq = 0;
        double negSum = 0;
        double negSq = 0;
        for (int i = 0; i < lambda; i++) {
            raw[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            if (raw[i] >= 0) {
                posSum += raw[i];
                posSq += raw[i] * raw[i];
            } else {
                negSum -= raw[i];
                negSq += raw[i] * raw[i];
            }
        }
        muEff = posSum * posSum / posSq;
        double muEffNeg = negSq == 0 ? 0 : negSum * negSum / negSq;
        double alphaCov = 2;
        c1 = alphaCov / ((n + 1.3) * (n + 1.3) + muEff);
        cMu = Math.min(1 - c1, alphaCov * (muEff - 2 + 1 / muEff) / ((n + 2.0) * (n + 2.0) + alphaCov * muEff / 2));
        double alphaMuNeg = 1 + c1 / cMu;
        double alphaMuEffNeg = 1 + 2 * muEffNeg / (muEff + 2);
        double alphaPosDef = (1 - c1 - cMu) / (n * cMu);
        double negFactor = Math.min(alphaMuNeg, Math.min(alphaMuEffNeg, alphaPosDef));
        weights = new double[lambda];
        for (int i = 0; i < lambda; i++) {
            weights[i] = raw[i] >= 0 ? raw[i] / posSum : negFactor * raw[i] / negSum;
        }
        cSigma = (muEff + 2) / (n + muEff + 5);
        dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (n + 1)) - 1) + cSigma;
        cc = (4 + muEff / n) / (n + 4 + 2 * muEff / n);
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        funTerm = 10 + (int) Math.ceil(30.0 * n / lambda);
        funHistory = new double[2 * funTerm];
        decompose();
    }

    /** The default population size for {@code n} coordinates. */
    static int defaultPopsize(int n) {
        return 4 + (int) Math.floor(3 * Math.log(n));
    }

    int generation() {
        return generation;
    }

    /** A point of N(m, σ²C). */
    double[] sample(SplittableRandom random) {
        double[] dz = new double[n];
        for (int i = 0; i < n; i++) {
            dz[i] = axes[i] * random.nextGaussian();
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double y = 0;
            for (int k = 0; k < n; k++) {
                y += basis[i][k] * dz[k];
            }
            x[i] = mean[i] + sigma * y;
        }
        return x;
    }

    /** One generation: {@code xs[i]} drawn by {@link #sample}, {@code losses[i]} its loss (lower is better). */
    void tell(double[][] xs, double[] losses) {
        Integer[] order = new Integer[xs.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(losses[a], losses[b]));
        funHistory[2 * (generation % funTerm)] = losses[order[0]];
        funHistory[2 * (generation % funTerm) + 1] = losses[order[order.length - 1]];
        generation++;

        double[][] y = new double[lambda][n];
        double[] yw = new double[n];
        for (int r = 0; r < lambda; r++) {
            double[] x = xs[order[r]];
            for (int i = 0; i < n; i++) {
                y[r][i] = (x[i] - mean[i]) / sigma;
                if (r < mu) {
                    yw[i] += weights[r] * y[r][i];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += sigma * yw[i];
        }
        double[] whitened = invSqrtTimes(yw);
        double psNorm2 = 0;
        double psCoef = Math.sqrt(cSigma * (2 - cSigma) * muEff);
        for (int i = 0; i < n; i++) {
            ps[i] = (1 - cSigma) * ps[i] + psCoef * whitened[i];
            psNorm2 += ps[i] * ps[i];
        }
        double psNorm = Math.sqrt(psNorm2);
        double hsigLimit = (1.4 + 2.0 / (n + 1)) * chiN;
        boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cSigma, 2.0 * generation)) < hsigLimit;
        double pcCoef = hsig ? Math.sqrt(cc * (2 - cc) * muEff) : 0;
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * pc[i] + pcCoef * yw[i];
        }
        double[] w = new double[lambda];
        double weightSum = 0;
        for (int r = 0; r < lambda; r++) {
            weightSum += weights[r];
            if (weights[r] >= 0) {
                w[r] = weights[r];
            } else {
                double[] wy = invSqrtTimes(y[r]);
                double norm2 = 0;
                for (double v : wy) {
                    norm2 += v * v;
                }
                w[r] = weights[r] * n / Math.max(norm2, 1e-300);
            }
        }
        double delta = hsig ? 0 : cc * (2 - cc);
        double keep = 1 + c1 * delta - c1 - cMu * weightSum;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double rankMu = 0;
                for (int r = 0; r < lambda; r++) {
                    rankMu += w[r] * y[r][i] * y[r][j];
                }
                double v = keep * cov[i][j] + c1 * pc[i] * pc[j] + cMu * rankMu;
                cov[i][j] = v;
                cov[j][i] = v;
            }
        }
        sigma *= Math.exp(Math.min(1.0, (cSigma / dSigma) * (psNorm / chiN - 1)));
        decompose();
    }

    /** Whether the run has converged or degenerated (the tutorial's termination criteria). */
    boolean shouldStop() {
        if (generation > funTerm) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : funHistory) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            if (hi - lo < TOL_FUN) {
                return true;
            }
        }
        double tolX = TOL_X_FACTOR * sigma0;
        boolean small = true;
        for (int i = 0; i < n; i++) {
            if (sigma * Math.sqrt(cov[i][i]) >= tolX || sigma * Math.abs(pc[i]) >= tolX) {
                small = false;
                break;
            }
        }
        if (small) {
            return true;
        }
        double dMax = 0;
        double dMin = Double.POSITIVE_INFINITY;
        for (double d : axes) {
            dMax = Math.max(dMax, d);
            dMin = Math.min(dMin, d);
        }
        if (dMax * dMax > MAX_CONDITION * dMin * dMin) {
            return true;
        }
        int axis = generation % n;
        boolean noEffectAxis = true;
        for (int i = 0; i < n; i++) {
            double step = 0.1 * sigma * axes[axis] * basis[i][axis];
            if (mean[i] + step != mean[i]) {
                noEffectAxis = false;
                break;
            }
        }
        if (noEffectAxis) {
            return true;
        }
        for (int i = 0; i < n; i++) {
            if (mean[i] + 0.2 * sigma * Math.sqrt(cov[i][i]) == mean[i]) {
                return true;
            }
        }
        return false;
    }

    /** C^(-1/2) v = B D^-1 Bᵀ v. */
    private double[] invSqrtTimes(double[] v) {
        double[] t = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += basis[i][k] * v[i];
            }
            t[k] = s / axes[k];
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                s += basis[i][k] * t[k];
            }
            out[i] = s;
        }
        return out;
    }

    private void decompose() {
        RealMatrix m = new Array2DRowRealMatrix(cov, false);
        EigenDecomposition e = new EigenDecomposition(m);
        double[] values = e.getRealEigenvalues();
        basis = new double[n][n];
        axes = new double[n];
        for (int k = 0; k < n; k++) {
            axes[k] = Math.sqrt(Math.max(values[k], 1e-20));
            double[] v = e.getEigenvector(k).toArray();
            for (int i = 0; i < n; i++) {
                basis[i][k] = v[i];
            }
        }
    }
}
