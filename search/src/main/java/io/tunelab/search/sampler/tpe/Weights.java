package io.tunelab.search.sampler.tpe;

import java.util.Arrays;

/**
 * Component weights of a {@link ParzenEstimator}: observations oldest first, the prior last. The 25
 * most recent observations weigh 1; older ones ramp linearly from {@code 1/n} up to 1, so that the
 * estimator follows the search as it moves (Bergstra et al. 2011; Optuna's default). Stateless.
 */
final class Weights {
    private static final int FLAT = 25;

    private Weights() {
    }

    /** {@code n} observation weights followed by {@code priorWeight}. */
    static double[] of(int n, double priorWeight) {
        double[] w = new double[n + 1];
        Arrays.fill(w, 1.0);
        if (n >= FLAT) {
            int ramp = n - FLAT;
            for (int i = 0; i < ramp; i++) {
                w[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1 - 1.0 / n) * i / (ramp - 1);
            }
        }
        w[n] = priorWeight;
        return w;
    }
}
