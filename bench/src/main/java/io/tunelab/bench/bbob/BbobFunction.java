package io.tunelab.bench.bbob;

import io.tunelab.bench.samplers.ContinuousProblem;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One instance of a BBOB noiseless function: function {@code id} (1–24), dimension, instance number,
 * its optimum {@code xopt} and optimal value {@code fopt}. The search domain is [-5, 5]^D and
 * {@code value(xopt()) == fopt()} (up to rounding). Immutable and thread-safe; build it with
 * {@link BbobSuite#function}.
 *
 * @param id       function number, 1–24
 * @param dim      dimension, {@code >= 2}
 * @param instance instance number, {@code >= 1}
 * @param xopt     the optimum (copied; the accessor returns a copy)
 * @param fopt     the optimal value
 * @param formula  the function
 */
public record BbobFunction(int id, int dim, int instance, double[] xopt, double fopt,
                           ToDoubleFunction<double[]> formula) {
    /** Lower bound of every coordinate. */
    public static final double LOWER = -5;
    /** Upper bound of every coordinate. */
    public static final double UPPER = 5;

    private static final List<String> NAMES = List.of("sphere", "ellipsoid", "rastrigin", "bueche-rastrigin",
            "linear-slope", "attractive-sector", "step-ellipsoid", "rosenbrock", "rosenbrock-rotated",
            "ellipsoid-rotated", "discus", "bent-cigar", "sharp-ridge", "different-powers", "rastrigin-rotated",
            "weierstrass", "schaffers-f7", "schaffers-f7-ill", "griewank-rosenbrock", "schwefel", "gallagher-101",
            "gallagher-21", "katsuura", "lunacek-bi-rastrigin");

    public BbobFunction {
        xopt = xopt.clone();
    }

    @Override
    public double[] xopt() {
        return xopt.clone();
    }

    /** The function's value at {@code x} (length {@link #dim()}). */
    public double value(double[] x) {
        return formula.applyAsDouble(x);
    }

    /** The short name of function {@code id}, e.g. {@code rastrigin-rotated} for 15. */
    public static String nameOf(int id) {
        return NAMES.get(id - 1);
    }

    /** {@code f15-d5-i4}: function, dimension and instance. */
    public String label() {
        return String.format("f%d-d%d-i%d", id, dim, instance);
    }

    /** This instance as a benchmark problem over [-5, 5]^D with floats {@code x0 .. x(D-1)} and f* = fopt. */
    public ContinuousProblem problem(int trials) {
        return ContinuousProblem.cube(label(), dim, LOWER, UPPER, fopt, trials, this::value);
    }
}
