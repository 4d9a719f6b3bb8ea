package io.tunelab.search.sampler.gp;

/**
 * A Gaussian-process regression model conditioned on points {@code x} with (standardised) targets
 * {@code y}: zero prior mean, {@link Matern52} covariance and Gaussian observation noise (Rasmussen and
 * Williams 2006, Algorithm 2.1). Predictions are of the latent function (without noise). Immutable;
 * thread-safe.
 */
public final class GaussianProcess {
    private static final double JITTER = 1e-8;

    private final double[][] x;
    private final Matern52 kernel;
    private final double noise;
    private final Cholesky cholesky;
    private final double[] alpha;

    private GaussianProcess(double[][] x, Matern52 kernel, double noise, Cholesky cholesky, double[] alpha) {
        this.x = x;
        this.kernel = kernel;
        this.noise = noise;
        this.cholesky = cholesky;
        this.alpha = alpha;
    }

    /** Conditions the prior {@code GP(0, kernel)} with noise variance {@code noise} on {@code (x, y)}. */
    public static GaussianProcess condition(double[][] x, double[] y, Matern52 kernel, double noise) {
        double[][] k = kernel.gram(x);
        for (int i = 0; i < k.length; i++) {
            k[i][i] += noise;
        }
        Cholesky c = Cholesky.factorWithJitter(k, JITTER);
        return new GaussianProcess(x, kernel, noise, c, c.solve(y));
    }

    public Matern52 kernel() {
        return kernel;
    }

    public double noise() {
        return noise;
    }

    public int size() {
        return x.length;
    }

    /** Posterior mean and latent variance at {@code p}: {@code {mean, variance}}. */
    public double[] predict(double[] p) {
        int n = x.length;
        double[] k = new double[n];
        double mean = 0;
        for (int a = 0; a < n; a++) {
            k[a] = kernel.value(p, x[a]);
            mean += k[a] * alpha[a];
        }
        double[] v = cholesky.solveLower(k);
        double var = kernel.variance();
        for (double vi : v) {
            var -= vi * vi;
        }
        return new double[] {mean, Math.max(var, 1e-12 * kernel.variance())};
    }

    /**
     * Posterior mean and latent variance at {@code p} with their gradients, written to
     * {@code gradMean} and {@code gradVar} (length = dimension).
     */
    public double[] predictWithGradient(double[] p, double[] gradMean, double[] gradVar) {
        int n = x.length;
        int d = p.length;
        double[] k = new double[n];
        double[] g = new double[n];
        double mean = 0;
        for (int a = 0; a < n; a++) {
            double r2 = kernel.squaredDistance(p, x[a]);
            k[a] = kernel.ofSquaredDistance(r2);
            g[a] = kernel.gradientFactor(r2);
            mean += k[a] * alpha[a];
        }
        double[] kinvk = cholesky.solve(k);
        double var = kernel.variance();
        for (int a = 0; a < n; a++) {
            var -= k[a] * kinvk[a];
        }
        double[] ls = kernel.lengthScales();
        java.util.Arrays.fill(gradMean, 0);
        java.util.Arrays.fill(gradVar, 0);
        for (int a = 0; a < n; a++) {
            double[] xa = x[a];
            double wm = -g[a] * alpha[a];
            double wv = 2 * g[a] * kinvk[a];
            for (int j = 0; j < d; j++) {
                double u = (p[j] - xa[j]) / (ls[j] * ls[j]);
                gradMean[j] += wm * u;
                gradVar[j] += wv * u;
            }
        }
        double floor = 1e-12 * kernel.variance();
        if (var < floor) {
            java.util.Arrays.fill(gradVar, 0);
            var = floor;
        }
        return new double[] {mean, var};
    }
}
