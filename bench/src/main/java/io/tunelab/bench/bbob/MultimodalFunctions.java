package io.tunelab.bench.bbob;

import static io.tunelab.bench.bbob.Transforms.asymmetric;
import static io.tunelab.bench.bbob.Transforms.lambda;
import static io.tunelab.bench.bbob.Transforms.minus;
import static io.tunelab.bench.bbob.Transforms.oscillate;
import static io.tunelab.bench.bbob.Transforms.penalty;
import static io.tunelab.bench.bbob.Transforms.rotatedConditioning;
import static io.tunelab.bench.bbob.Transforms.times;
import static io.tunelab.bench.samplers.TestFunctions.rastrigin;

/**
 * BBOB f15–f19, the multimodal functions with adequate global structure: rotated Rastrigin,
 * Weierstrass, Schaffers F7 (conditioning 10 and 1000; f18 uses f17's seed) and the composite
 * Griewank–Rosenbrock F8F2. {@code R} is drawn from seed {@code s + 10⁶} and {@code Q} from {@code s}
 * (f19's single rotation from {@code s}), as in the reference code.
 */
final class MultimodalFunctions {
    private static final int WEIERSTRASS_TERMS = 12;

    private MultimodalFunctions() {
    }

    static BbobFunction create(int id, int dim, int instance) {
        long seed = BbobRandom.seed(id == 18 ? 17 : id, instance);
        double fopt = BbobRandom.fopt(id, instance);
        double[] xopt = BbobRandom.xopt(seed, dim);
        double[][] r = BbobRandom.rotation(seed + 1_000_000, dim);
        double[][] q = BbobRandom.rotation(seed, dim);
        return switch (id) {
            case 15 -> {
                double[][] m = rotatedConditioning(r, 10, q);
                yield new BbobFunction(id, dim, instance, xopt, fopt,
                        x -> rastrigin(times(m, asymmetric(oscillate(times(r, minus(x, xopt))), 0.2))) + fopt);
            }
            case 16 -> weierstrass(dim, instance, xopt, fopt, r, rotatedConditioning(r, 0.01, q));
            case 17 -> schaffers(17, dim, instance, xopt, fopt, r, q, 10);
            case 18 -> schaffers(18, dim, instance, xopt, fopt, r, q, 1000);
            default -> griewankRosenbrock(dim, instance, fopt, q);
        };
    }

    /** f16: 10 ((1/D) Σ_i Σ_k 2^-k cos(2π 3^k (z_i + 1/2)) - f₀)³ + (10/D) f_pen, k = 0..11. */
    private static BbobFunction weierstrass(int dim, int instance, double[] xopt, double fopt, double[][] r,
                                            double[][] m) {
        double f0 = 0;
        for (int k = 0; k < WEIERSTRASS_TERMS; k++) {
            f0 += Math.pow(0.5, k) * Math.cos(Math.PI * Math.pow(3, k));
        }
        double offset = f0;
        return new BbobFunction(16, dim, instance, xopt, fopt, x -> {
            double[] z = times(m, oscillate(times(r, minus(x, xopt))));
            double sum = 0;
            for (double zi : z) {
                for (int k = 0; k < WEIERSTRASS_TERMS; k++) {
                    sum += Math.pow(0.5, k) * Math.cos(2 * Math.PI * Math.pow(3, k) * (zi + 0.5));
                }
            }
            return 10 * Math.pow(sum / dim - offset, 3) + 10.0 / dim * penalty(x) + fopt;
        });
    }

    /** f17, f18: ((1/(D-1)) Σ √s_i + √s_i sin²(50 s_i^(1/5)))² + 10 f_pen, s_i = √(z_i² + z_{i+1}²). */
    private static BbobFunction schaffers(int id, int dim, int instance, double[] xopt, double fopt, double[][] r,
                                          double[][] q, double conditioning) {
        return new BbobFunction(id, dim, instance, xopt, fopt, x -> {
            double[] z = times(q, asymmetric(times(r, minus(x, xopt)), 0.5));
            for (int i = 0; i < dim; i++) {
                z[i] *= lambda(conditioning, i, dim);
            }
            double sum = 0;
            for (int i = 0; i < dim - 1; i++) {
                double s = Math.sqrt(z[i] * z[i] + z[i + 1] * z[i + 1]);
                double sin = Math.sin(50 * Math.pow(s, 0.2));
                sum += Math.sqrt(s) * (1 + sin * sin);
            }
            double mean = sum / (dim - 1);
            return mean * mean + 10 * penalty(x) + fopt;
        });
    }

    /** f19: (10/(D-1)) Σ (s_i/4000 - cos s_i) + 10, s_i the Rosenbrock terms of z = max(1, √D/8) R x + 1/2. */
    private static BbobFunction griewankRosenbrock(int dim, int instance, double fopt, double[][] r) {
        return new BbobFunction(19, dim, instance, ConditionedFunctions.rotatedRosenbrockXopt(r), fopt, x -> {
            double[] z = ConditionedFunctions.rotatedRosenbrockZ(r, x);
            double sum = 0;
            for (int i = 0; i < dim - 1; i++) {
                double a = z[i] * z[i] - z[i + 1];
                double b = z[i] - 1;
                double s = 100 * a * a + b * b;
                sum += s / 4000 - Math.cos(s);
            }
            return 10 * sum / (dim - 1) + 10 + fopt;
        });
    }
}
