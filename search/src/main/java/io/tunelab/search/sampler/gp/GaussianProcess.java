package io.tunelab.search.sampler.gp;

/**
 * A Gaussian-process regression model conditioned on points {@code x} with (standardised) targets
 * {@code y}: {@link Matern52} covariance, Gaussian observation noise (Rasmussen and Williams 2006,
 * Algorithm 2.1) and a constant prior mean estimated by generalised least squares,
 * {@code m = 1ᵀK⁻¹y / 1ᵀK⁻¹1} (ordinary kriging; Rasmussen and Williams 2006, §2.7). The plain average
 * of {@code y} would be biased: a sampler puts most of its points where the function is good, so far
 * from the data the model would predict the average of good points, and the unexplored corners of a
 * high-dimensional cube, where the variance is largest, would look promising; GLS weighs clustered points
 * down. Predictions are of the latent function (without noise). Immutable; thread-safe.
 */
public final class GaussianProcess {
    private static final double JITTER = 1e-8;

    private final double[][] x;
    private final Matern52 kernel;
    private final double noise;
    private final Cholesky cholesky;
    private final double[] alpha;
    private final double priorMean;

    private GaussianProcess(double[][] x, Matern52 kernel, double noise, Cholesky cholesky, double[] alpha,
                            double priorMean) {
        this.priorMean = priorMean;
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
        double[] ones = new double[y.length];
        java.util.Arrays.fill(ones, 1);
        double[] kinv1 = c.solve(ones);
        double num = 0;
        double den = 0;
        for (int i = 0; i < y.length; i++) {
            num += kinv1[i] * y[i];
            den += kinv1[i];
        }
        double m = den > 0 ? num / den : 0;
        double[] r = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            r[i] = y[i] - m;
        }
        return new GaussianProcess(x, kernel, noise, c, c.solve(r), m);
    }

    /** The constant prior mean the model reverts to far from the data. */
    public double priorMean() {
        return priorMean;
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
        double mean = priorMean;
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
        double mean = priorMean;
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
        java.util.Arrays.fill(gradMean, 0);
        java.util.Arrays.fill(gradVar, 0);
        for (int a = 0; a < n; a++) {
            double[] xa = x[a];
            double wm = -g[a] * alpha[a];
            double wv = 2 * g[a] * kinvk[a];
            for (int j = 0; j < d; j++) {
                double u = kernel.halfDistanceGradient(p, xa, j);
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
