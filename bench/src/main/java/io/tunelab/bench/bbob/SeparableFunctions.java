package io.tunelab.bench.bbob;

import static io.tunelab.bench.bbob.Transforms.asymmetric;
import static io.tunelab.bench.bbob.Transforms.condition;
import static io.tunelab.bench.bbob.Transforms.minus;
import static io.tunelab.bench.bbob.Transforms.oscillate;
import static io.tunelab.bench.bbob.Transforms.penalty;
import static io.tunelab.bench.bbob.Transforms.squaredNorm;
import static io.tunelab.bench.samplers.TestFunctions.rastrigin;

/** BBOB f1–f5, the separable functions: sphere, ellipsoid, Rastrigin, Büche–Rastrigin, linear slope. */
final class SeparableFunctions {
    private SeparableFunctions() {
    }

    static BbobFunction create(int id, int dim, int instance) {
        long seed = BbobRandom.seed(id == 4 ? 3 : id, instance);
        double fopt = BbobRandom.fopt(id, instance);
        double[] xopt = BbobRandom.xopt(seed, dim);
        return switch (id) {
            case 1 -> new BbobFunction(id, dim, instance, xopt, fopt, x -> squaredNorm(minus(x, xopt)) + fopt);
            case 2 -> new BbobFunction(id, dim, instance, xopt, fopt, x -> ellipsoid(oscillate(minus(x, xopt))) + fopt);
            case 3 -> new BbobFunction(id, dim, instance, xopt, fopt,
                    x -> rastrigin(condition(asymmetric(oscillate(minus(x, xopt)), 0.2), 10)) + fopt);
            case 4 -> buecheRastrigin(dim, instance, xopt, fopt);
            default -> linearSlope(dim, instance, xopt, fopt);
        };
    }

    /** Σ 10^(6 i/(D-1)) z_i², the ellipsoid core of f2 and f10. */
    static double ellipsoid(double[] z) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += Math.pow(10, 6.0 * i / (z.length - 1)) * z[i] * z[i];
        }
        return sum;
    }

    /** f4: z_i = s_i T_osz(x_i - xopt_i), s_i ten times larger on positive odd-numbered coordinates. */
    private static BbobFunction buecheRastrigin(int dim, int instance, double[] grid, double fopt) {
        double[] xopt = grid.clone();
        for (int i = 0; i < dim; i += 2) {
            xopt[i] = Math.abs(xopt[i]);
        }
        return new BbobFunction(4, dim, instance, xopt, fopt, x -> {
            double[] z = oscillate(minus(x, xopt));
            for (int i = 0; i < dim; i++) {
                double s = Math.pow(10, 0.5 * i / (dim - 1.0));
                z[i] *= z[i] > 0 && i % 2 == 0 ? 10 * s : s;
            }
            return rastrigin(z) + 100 * penalty(x) + fopt;
        });
    }

    /** f5: optimum at the corner 5 · sign(xopt); the slope continues flat beyond it. */
    private static BbobFunction linearSlope(int dim, int instance, double[] grid, double fopt) {
        double[] xopt = new double[dim];
        double[] s = new double[dim];
        for (int i = 0; i < dim; i++) {
            xopt[i] = grid[i] < 0 ? -5 : 5;
            s[i] = Math.signum(xopt[i]) * Math.pow(10, (double) i / (dim - 1));
        }
        return new BbobFunction(5, dim, instance, xopt, fopt, x -> {
            double sum = 0;
            for (int i = 0; i < dim; i++) {
                double z = x[i] * xopt[i] < 25 ? x[i] : xopt[i];
                sum += 5 * Math.abs(s[i]) - s[i] * z;
            }
            return sum + fopt;
        });
    }
}
