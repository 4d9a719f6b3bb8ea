package io.tunelab.bench.bbob;

import static io.tunelab.bench.bbob.Transforms.asymmetric;
import static io.tunelab.bench.bbob.Transforms.lambda;
import static io.tunelab.bench.bbob.Transforms.minus;
import static io.tunelab.bench.bbob.Transforms.oscillate;
import static io.tunelab.bench.bbob.Transforms.penalty;
import static io.tunelab.bench.bbob.Transforms.rosenbrock;
import static io.tunelab.bench.bbob.Transforms.rotatedConditioning;
import static io.tunelab.bench.bbob.Transforms.times;
import static io.tunelab.bench.bbob.Transforms.transpose;

/**
 * BBOB f6–f14, the functions of low or moderate and of high conditioning: attractive sector, step
 * ellipsoid, Rosenbrock (original and rotated), ellipsoid, discus, bent cigar, sharp ridge, different
 * powers. As in the reference code, {@code R} is drawn from seed {@code s} and {@code Q} from
 * {@code s + 10⁶} where a function has both; a lone rotation comes from {@code s + 10⁶}, except for
 * the Rosenbrock functions.
 */
final class ConditionedFunctions {
    private ConditionedFunctions() {
    }

    static BbobFunction create(int id, int dim, int instance) {
        long seed = BbobRandom.seed(id, instance);
        double fopt = BbobRandom.fopt(id, instance);
        double[] xopt = BbobRandom.xopt(id == 12 ? seed + 1_000_000 : seed, dim);
        double[][] r = BbobRandom.rotation(seed, dim);
        double[][] q = BbobRandom.rotation(seed + 1_000_000, dim);
        return switch (id) {
            case 6 -> attractiveSector(dim, instance, xopt, fopt, rotatedConditioning(q, 10, r));
            case 7 -> stepEllipsoid(dim, instance, xopt, fopt, r, q);
            case 8 -> rosenbrockShifted(dim, instance, xopt, fopt);
            case 9 -> rosenbrockRotated(dim, instance, fopt, r);
            case 10 -> new BbobFunction(id, dim, instance, xopt, fopt,
                    x -> SeparableFunctions.ellipsoid(oscillate(times(q, minus(x, xopt)))) + fopt);
            case 11 -> new BbobFunction(id, dim, instance, xopt, fopt, x -> discus(oscillate(times(q, minus(x, xopt)))) + fopt);
            case 12 -> new BbobFunction(id, dim, instance, xopt, fopt,
                    x -> bentCigar(times(q, asymmetric(times(q, minus(x, xopt)), 0.5))) + fopt);
            case 13 -> {
                double[][] m = rotatedConditioning(q, 10, r);
                yield new BbobFunction(id, dim, instance, xopt, fopt, x -> sharpRidge(times(m, minus(x, xopt))) + fopt);
            }
            default -> new BbobFunction(id, dim, instance, xopt, fopt, x -> differentPowers(times(q, minus(x, xopt))) + fopt);
        };
    }

    /** f6: T_osz(Σ (s_i z_i)²)^0.9 with s_i = 100 where z_i has the sign of xopt_i. */
    private static BbobFunction attractiveSector(int dim, int instance, double[] xopt, double fopt, double[][] m) {
        return new BbobFunction(6, dim, instance, xopt, fopt, x -> {
            double[] z = times(m, minus(x, xopt));
            double sum = 0;
            for (int i = 0; i < dim; i++) {
                double s = z[i] * xopt[i] > 0 ? 100 : 1;
                sum += s * s * z[i] * z[i];
            }
            return Math.pow(oscillate(sum), 0.9) + fopt;
        });
    }

    /** f7: a rounded (plateau) ellipsoid, 0.1 max(|ẑ₁|/10⁴, Σ 10^(2i/(D-1)) z_i²) + f_pen. */
    private static BbobFunction stepEllipsoid(int dim, int instance, double[] xopt, double fopt, double[][] r,
                                              double[][] q) {
        return new BbobFunction(7, dim, instance, xopt, fopt, x -> {
            double[] zHat = times(r, minus(x, xopt));
            double[] zTilde = new double[dim];
            for (int i = 0; i < dim; i++) {
                zHat[i] *= lambda(10, i, dim);
                zTilde[i] = Math.abs(zHat[i]) > 0.5 ? Math.floor(0.5 + zHat[i]) : Math.floor(0.5 + 10 * zHat[i]) / 10;
            }
            double[] z = times(q, zTilde);
            double sum = 0;
            for (int i = 0; i < dim; i++) {
                sum += Math.pow(10, 2.0 * i / (dim - 1)) * z[i] * z[i];
            }
            return 0.1 * Math.max(Math.abs(zHat[0]) / 1e4, sum) + penalty(x) + fopt;
        });
    }

    private static double rosenbrockScale(int dim) {
        return Math.max(1, Math.sqrt(dim) / 8);
    }

    /** z = max(1, √D/8) R x + 1/2, the variables of f9 and f19. */
    static double[] rotatedRosenbrockZ(double[][] r, double[] x) {
        double c = rosenbrockScale(x.length);
        double[] z = times(r, x);
        for (int i = 0; i < z.length; i++) {
            z[i] = c * z[i] + 0.5;
        }
        return z;
    }

    /** The x where {@link #rotatedRosenbrockZ} is all ones: Rᵀ (1/(2c), …, 1/(2c)). */
    static double[] rotatedRosenbrockXopt(double[][] r) {
        double[] half = new double[r.length];
        java.util.Arrays.fill(half, 0.5 / rosenbrockScale(r.length));
        return times(transpose(r), half);
    }

    /** f8: z = max(1, √D/8)(x - xopt) + 1, xopt three quarters of the grid point. */
    private static BbobFunction rosenbrockShifted(int dim, int instance, double[] grid, double fopt) {
        double c = rosenbrockScale(dim);
        double[] xopt = new double[dim];
        for (int i = 0; i < dim; i++) {
            xopt[i] = 0.75 * grid[i];
        }
        return new BbobFunction(8, dim, instance, xopt, fopt, x -> {
            double[] z = minus(x, xopt);
            for (int i = 0; i < dim; i++) {
                z[i] = c * z[i] + 1;
            }
            return rosenbrock(z) + fopt;
        });
    }

    /** f9: z = max(1, √D/8) R x + 1/2; its optimum is where z = 1. */
    private static BbobFunction rosenbrockRotated(int dim, int instance, double fopt, double[][] r) {
        return new BbobFunction(9, dim, instance, rotatedRosenbrockXopt(r), fopt, x -> rosenbrock(rotatedRosenbrockZ(r, x)) + fopt);
    }

    private static double discus(double[] z) {
        double sum = 1e6 * z[0] * z[0];
        for (int i = 1; i < z.length; i++) {
            sum += z[i] * z[i];
        }
        return sum;
    }

    private static double bentCigar(double[] z) {
        double sum = 0;
        for (int i = 1; i < z.length; i++) {
            sum += z[i] * z[i];
        }
        return z[0] * z[0] + 1e6 * sum;
    }

    private static double sharpRidge(double[] z) {
        double sum = 0;
        for (int i = 1; i < z.length; i++) {
            sum += z[i] * z[i];
        }
        return z[0] * z[0] + 100 * Math.sqrt(sum);
    }

    private static double differentPowers(double[] z) {
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            sum += Math.pow(Math.abs(z[i]), 2 + 4.0 * i / (z.length - 1));
        }
        return Math.sqrt(sum);
    }
}
