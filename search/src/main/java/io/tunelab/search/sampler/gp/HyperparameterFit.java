package io.tunelab.search.sampler.gp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Fits GP hyperparameters by maximising the log marginal likelihood plus priors
 * ({@link MarginalLikelihood}) with {@link BoxLbfgs}: from the previous fit (warm start) or a default,
 * and from random restarts. Bounds: length scales in [0.005, 20] on the unit cube, signal variance in
 * [0.01, 20] and noise in [1e-6, 1] of the standardised targets. Stateless.
 */
final class HyperparameterFit {
    private static final double LOG_MIN_LS = Math.log(0.005);
    private static final double LOG_MAX_LS = Math.log(20);
    private static final int ITERATIONS = 60;
    /** A warm start is the optimum for all but the newest points: a few steps refine it. */
    private static final int WARM_ITERATIONS = 15;

    private HyperparameterFit() {
    }

    /**
     * The best θ found, with the log posterior ({@link MarginalLikelihood}) there; {@code warm} may be null
     * or of another dimension (then ignored).
     */
    static BoxLbfgs.Result fit(double[][] x, double[] y, KernelLayout layout, double[] warm, int restarts,
                               SplittableRandom random) {
        int d = layout.parameters();
        double[] lower = new double[d + 2];
        double[] upper = new double[d + 2];
        Arrays.fill(lower, 0, d, LOG_MIN_LS);
        Arrays.fill(upper, 0, d, LOG_MAX_LS);
        lower[d] = Math.log(0.01);
        upper[d] = Math.log(20);
        lower[d + 1] = Math.log(1e-6);
        upper[d + 1] = 0;
        double[] start = new double[d + 2];
        Arrays.fill(start, 0, d, Math.log(0.5));
        start[d] = 0;
        start[d + 1] = Math.log(1e-3);
        BoxLbfgs.Objective objective = (theta, grad) -> MarginalLikelihood.evaluate(x, y, theta, layout, grad);
        boolean warmed = warm != null && warm.length == d + 2;
        BoxLbfgs.Result best = BoxLbfgs.maximize(objective, warmed ? warm : start, lower, upper,
                warmed ? WARM_ITERATIONS : ITERATIONS, 1e-6);
        for (int r = 0; r < restarts; r++) {
            double[] s = new double[d + 2];
            for (int j = 0; j < d + 2; j++) {
                s[j] = j < d ? Math.log(0.05) + random.nextDouble() * (Math.log(5) - Math.log(0.05))
                        : lower[j] + random.nextDouble() * (upper[j] - lower[j]);
            }
            if (r == 0 && warm != null && warm.length == d + 2) {
                s = start;
            }
            BoxLbfgs.Result res = BoxLbfgs.maximize(objective, s, lower, upper, ITERATIONS, 1e-6);
            if (res.value() > best.value()) {
                best = res;
            }
        }
        return best;
    }
}
