package io.tunelab.search.sampler.gp;

import io.tunelab.search.SearchException;

/**
 * The log marginal likelihood of a zero-mean GP with a {@link Matern52} kernel and noise, plus weak
 * log-priors on the hyperparameters, and its gradient (Rasmussen and Williams 2006, eq. 2.30 and 5.9):
 * {@code log p(y) = −½ yᵀα − Σ log Lᵢᵢ − n/2 log 2π} with {@code α = K⁻¹y}, and
 * {@code ∂/∂θ = ½ tr((ααᵀ − K⁻¹) ∂K/∂θ)}. The log-determinant comes from the Cholesky factor.
 *
 * <p>Hyperparameters θ, all logarithms: {@code log ℓ₁..log ℓ_d, log s, log σ²_noise}. Priors (as in
 * Optuna's GP sampler, with a wider length-scale prior that found Hartmann-6's global basin far more
 * often): Gamma(3, 1) on each {@code 1/ℓ²}, Gamma(2, 1) on s, Gamma(1.1, 30) on the
 * noise. Stateless.
 */
final class MarginalLikelihood {
    /** Rate of the Gamma(3, rate) prior on 1/ℓ²: mode 2/rate, so ℓ ≈ 0.7 on the unit cube. */
    private static final double RATE = 1;

    private MarginalLikelihood() {
    }

    static Matern52 kernel(double[] theta, KernelLayout layout) {
        int d = theta.length - 2;
        double[] ls = new double[d];
        for (int j = 0; j < d; j++) {
            ls[j] = Math.exp(theta[j]);
        }
        return new Matern52(ls, Math.exp(theta[d]), layout);
    }

    static double noise(double[] theta) {
        return Math.exp(theta[theta.length - 1]);
    }

    /** As {@link #evaluate(double[][], double[], double[], KernelLayout, double[])} with one length scale per coordinate. */
    static double evaluate(double[][] x, double[] y, double[] theta, double[] grad) {
        return evaluate(x, y, theta, KernelLayout.identity(theta.length - 2), grad);
    }

    /** The log posterior (up to a constant) at θ; its gradient goes to {@code grad}. */
    static double evaluate(double[][] x, double[] y, double[] theta, KernelLayout layout, double[] grad) {
        int n = x.length;
        int d = theta.length - 2;
        Matern52 kernel = kernel(theta, layout);
        double noise = noise(theta);
        double[][] k = kernel.gram(x);
        for (int i = 0; i < n; i++) {
            k[i][i] += noise + 1e-8;
        }
        Cholesky c;
        try {
            c = Cholesky.factor(k);
        } catch (SearchException e) {
            java.util.Arrays.fill(grad, 0);
            return Double.NEGATIVE_INFINITY;
        }
        double[] alpha = c.solve(y);
        double fit = 0;
        for (int i = 0; i < n; i++) {
            fit += y[i] * alpha[i];
        }
        double value = -0.5 * fit - 0.5 * c.logDeterminant() - 0.5 * n * Math.log(2 * Math.PI);
        double[][] w = c.inverse();
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                w[a][b] = alpha[a] * alpha[b] - w[a][b];
            }
        }
        java.util.Arrays.fill(grad, 0);
        double[] ls = kernel.lengthScales();
        double[] inv2 = new double[d];
        for (int j = 0; j < d; j++) {
            inv2[j] = 1 / (ls[j] * ls[j]);
        }
        int[] group = layout.group();
        double[] weight = layout.weight();
        double signal = 0;
        for (int a = 0; a < n; a++) {
            signal += 0.5 * w[a][a] * kernel.variance();
            for (int b = 0; b < a; b++) {
                double r2 = kernel.squaredDistance(x[a], x[b]);
                double wab = w[a][b];
                signal += wab * kernel.ofSquaredDistance(r2);
                double g = wab * kernel.gradientFactor(r2);
                for (int j = 0; j < group.length; j++) {
                    double diff = x[a][j] - x[b][j];
                    grad[group[j]] += g * weight[j] * diff * diff * inv2[group[j]];
                }
            }
        }
        grad[d] = signal;
        double trace = 0;
        for (int a = 0; a < n; a++) {
            trace += w[a][a];
        }
        grad[d + 1] = 0.5 * noise * trace;
        return value + logPrior(theta, grad);
    }

    /** Adds the priors' log-density at θ and its gradient. */
    private static double logPrior(double[] theta, double[] grad) {
        int d = theta.length - 2;
        double lp = 0;
        for (int j = 0; j < d; j++) {
            // λ = 1/ℓ² ~ Gamma(3, RATE): (3 − 1) log λ − RATE λ, plus the Jacobian log λ (+ const)
            double lambda = Math.exp(-2 * theta[j]);
            lp += 3 * Math.log(lambda) - RATE * lambda;
            grad[j] += -2 * (3 - RATE * lambda);
        }
        double s = Math.exp(theta[d]);
        lp += 2 * theta[d] - s;
        grad[d] += 2 - s;
        double noise = Math.exp(theta[d + 1]);
        lp += 1.1 * theta[d + 1] - 30 * noise;
        grad[d + 1] += 1.1 - 30 * noise;
        return lp;
    }
}
