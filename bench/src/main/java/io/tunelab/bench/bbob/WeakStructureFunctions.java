package io.tunelab.bench.bbob;

import static io.tunelab.bench.bbob.Transforms.lambda;
import static io.tunelab.bench.bbob.Transforms.minus;
import static io.tunelab.bench.bbob.Transforms.penalty;
import static io.tunelab.bench.bbob.Transforms.rotatedConditioning;
import static io.tunelab.bench.bbob.Transforms.times;

/**
 * BBOB f20, f23 and f24, multimodal functions with weak global structure: Schwefel x·sin(√|x|),
 * Katsuura and Lunacek bi-Rastrigin (the Gallagher functions f21, f22 are {@link Gallagher}).
 */
final class WeakStructureFunctions {
    /** The minimum of -x sin(√|x|) on [-500, 500] divided by 100 (Schwefel's constant). */
    static final double SCHWEFEL_MIN = 4.189828872724339;
    /** Twice xopt's magnitude on f20: the location of Schwefel's minimum over 100. */
    private static final double SCHWEFEL_XOPT = 4.2096874637;
    private static final double MU0 = 2.5;
    private static final int KATSUURA_TERMS = 32;

    private WeakStructureFunctions() {
    }

    static BbobFunction create(int id, int dim, int instance) {
        long seed = BbobRandom.seed(id, instance);
        double fopt = BbobRandom.fopt(id, instance);
        return switch (id) {
            case 20 -> schwefel(dim, instance, seed, fopt);
            case 23 -> katsuura(dim, instance, seed, fopt);
            case 24 -> lunacek(dim, instance, seed, fopt);
            default -> throw new IllegalArgumentException("not a weak-structure function: " + id);
        };
    }

    /**
     * f20: x̂ = 2 sign(xopt) x; ẑ_{i+1} = x̂_{i+1} + (x̂_i - 2|xopt_i|)/4; z = 100 (Λ^10 (ẑ - 2|xopt|) + 2|xopt|);
     * f = -Σ z_i sin(√|z_i|)/(100 D) + 4.1898… + 100 f_pen(z/100).
     */
    private static BbobFunction schwefel(int dim, int instance, long seed, double fopt) {
        double[] u = BbobRandom.uniform(dim, seed);
        double[] xopt = new double[dim];
        for (int i = 0; i < dim; i++) {
            xopt[i] = (u[i] < 0.5 ? -0.5 : 0.5) * SCHWEFEL_XOPT;
        }
        return new BbobFunction(20, dim, instance, xopt, fopt, x -> {
            double[] xHat = new double[dim];
            for (int i = 0; i < dim; i++) {
                xHat[i] = 2 * Math.signum(xopt[i]) * x[i];
            }
            double[] z = new double[dim];
            double sum = 0;
            for (int i = 0; i < dim; i++) {
                double zHat = i == 0 ? xHat[0] : xHat[i] + 0.25 * (xHat[i - 1] - 2 * Math.abs(xopt[i - 1]));
                double a = 2 * Math.abs(xopt[i]);
                z[i] = 100 * (lambda(10, i, dim) * (zHat - a) + a);
                sum += z[i] * Math.sin(Math.sqrt(Math.abs(z[i])));
            }
            double[] scaled = new double[dim];
            for (int i = 0; i < dim; i++) {
                scaled[i] = z[i] / 100;
            }
            return -sum / (100.0 * dim) + SCHWEFEL_MIN + 100 * penalty(scaled) + fopt;
        });
    }

    /** f23: (10/D²) Π (1 + i Σ_j |2^j z_i - [2^j z_i]| / 2^j)^(10/D^1.2) - 10/D² + f_pen, z = R Λ^100 Q (x - xopt). */
    private static BbobFunction katsuura(int dim, int instance, long seed, double fopt) {
        double[] xopt = BbobRandom.xopt(seed, dim);
        double[][] m = rotatedConditioning(BbobRandom.rotation(seed + 1_000_000, dim), 100,
                BbobRandom.rotation(seed, dim));
        double exponent = 10 / Math.pow(dim, 1.2);
        double scale = 10.0 / ((double) dim * dim);
        return new BbobFunction(23, dim, instance, xopt, fopt, x -> {
            double[] z = times(m, minus(x, xopt));
            double product = 1;
            for (int i = 0; i < dim; i++) {
                double sum = 0;
                for (int j = 1; j <= KATSUURA_TERMS; j++) {
                    double p = Math.pow(2, j);
                    sum += Math.abs(p * z[i] - Math.floor(p * z[i] + 0.5)) / p;
                }
                product *= Math.pow(1 + (i + 1) * sum, exponent);
            }
            return scale * (product - 1) + penalty(x) + fopt;
        });
    }

    /**
     * f24: x̂ = 2 sign(xopt) x, xopt = ±μ₀/2; f = min(Σ (x̂_i - μ₀)², D + s Σ (x̂_i - μ₁)²)
     * + 10 (D - Σ cos 2πz_i) + 10⁴ f_pen, z = R Λ^100 Q (x̂ - μ₀), μ₀ = 2.5, s = 1 - 1/(2√(D+20) - 8.2),
     * μ₁ = -√((μ₀² - 1)/s).
     */
    private static BbobFunction lunacek(int dim, int instance, long seed, double fopt) {
        double[] g = BbobRandom.gauss(dim, seed);
        double[] xopt = new double[dim];
        for (int i = 0; i < dim; i++) {
            xopt[i] = (g[i] < 0 ? -0.5 : 0.5) * MU0;
        }
        double[][] m = rotatedConditioning(BbobRandom.rotation(seed + 1_000_000, dim), 100,
                BbobRandom.rotation(seed, dim));
        double s = 1 - 1 / (2 * Math.sqrt(dim + 20) - 8.2);
        double mu1 = -Math.sqrt((MU0 * MU0 - 1) / s);
        return new BbobFunction(24, dim, instance, xopt, fopt, x -> {
            double[] shifted = new double[dim];
            double sum0 = 0;
            double sum1 = 0;
            for (int i = 0; i < dim; i++) {
                double xHat = 2 * Math.signum(xopt[i]) * x[i];
                shifted[i] = xHat - MU0;
                sum0 += (xHat - MU0) * (xHat - MU0);
                sum1 += (xHat - mu1) * (xHat - mu1);
            }
            double[] z = times(m, shifted);
            double cos = 0;
            for (double zi : z) {
                cos += Math.cos(2 * Math.PI * zi);
            }
            return Math.min(sum0, dim + s * sum1) + 10 * (dim - cos) + 1e4 * penalty(x) + fopt;
        });
    }
}
