package io.tunelab.bench.bbob;

import static io.tunelab.bench.bbob.Transforms.oscillate;
import static io.tunelab.bench.bbob.Transforms.penalty;
import static io.tunelab.bench.bbob.Transforms.times;

import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * BBOB f21 and f22, Gallagher's Gaussian peaks (101 and 21 peaks): f = T_osz(10 - max_i w_i
 * exp(-(x - y_i)ᵀ Rᵀ C_i R (x - y_i) / (2D)))² + f_pen. Peak 1 (weight 10) is the global optimum;
 * the others weigh 1.1 … 9.1. Condition numbers and axis permutations are drawn as in the reference
 * code: uniforms from seed {@code s} sorted to a permutation, axis orders from seeds {@code s + 1000 i}.
 */
final class Gallagher {
    private Gallagher() {
    }

    static BbobFunction create(int id, int dim, int instance) {
        int peaks = id == 21 ? 101 : 21;
        double b = id == 21 ? 10 : 9.8;
        double c = id == 21 ? 5 : 4.9;
        long seed = BbobRandom.seed(id, instance);
        double fopt = BbobRandom.fopt(id, instance);
        double[][] rotation = BbobRandom.rotation(seed, dim);

        int[] conditionOrder = order(BbobRandom.uniform(peaks - 1, seed));
        double[] weights = new double[peaks];
        double[] conditions = new double[peaks];
        weights[0] = 10;
        conditions[0] = id == 21 ? Math.sqrt(1000) : 1000;
        for (int i = 1; i < peaks; i++) {
            conditions[i] = Math.pow(1000, (double) conditionOrder[i - 1] / (peaks - 2));
            weights[i] = (i - 1.0) / (peaks - 2) * 8 + 1.1;
        }
        double[][] scales = new double[peaks][dim];
        for (int i = 0; i < peaks; i++) {
            int[] axes = order(BbobRandom.uniform(dim, seed + 1000L * i));
            for (int j = 0; j < dim; j++) {
                scales[i][j] = Math.pow(conditions[i], (double) axes[j] / (dim - 1) - 0.5);
            }
        }
        double[] u = BbobRandom.uniform(dim * peaks, seed);
        double[] xopt = new double[dim];
        double[][] rotatedPeaks = new double[peaks][];
        for (int i = 0; i < peaks; i++) {
            double[] y = new double[dim];
            for (int k = 0; k < dim; k++) {
                y[k] = (b * u[i * dim + k] - c) * (i == 0 ? 0.8 : 1);
            }
            if (i == 0) {
                xopt = y;
            }
            rotatedPeaks[i] = times(rotation, y);
        }
        return new BbobFunction(id, dim, instance, xopt, fopt, x -> {
            double[] rx = times(rotation, x);
            double best = 0;
            for (int i = 0; i < peaks; i++) {
                double quad = 0;
                for (int j = 0; j < dim; j++) {
                    double d = rx[j] - rotatedPeaks[i][j];
                    quad += scales[i][j] * d * d;
                }
                best = Math.max(best, weights[i] * Math.exp(-quad / (2.0 * dim)));
            }
            double t = oscillate(10 - best);
            return t * t + penalty(x) + fopt;
        });
    }

    /** The permutation that sorts {@code values}: element k is the original index of the k-th smallest. */
    private static int[] order(double[] values) {
        return IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble(i -> values[i]))
                .mapToInt(Integer::intValue).toArray();
    }
}
