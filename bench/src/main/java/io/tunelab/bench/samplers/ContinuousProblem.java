package io.tunelab.bench.samplers;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.RangeOptions;
import io.tunelab.search.trial.Trial;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * A single-objective problem over a box: floats {@code x0, x1, ...} suggested uniformly in index
 * order within their bounds, continuous or, with a {@code step}, on the grid {@code low, low + step, ..., high}.
 *
 * @param name     problem name
 * @param low      lower bounds, one per dimension
 * @param high     upper bounds
 * @param optimum  the known minimum f*
 * @param trials   trials per run by default
 * @param function the objective
 * @param step     the grid step of every float, or 0 for continuous floats
 */
public record ContinuousProblem(String name, double[] low, double[] high, double optimum, int trials,
                                ToDoubleFunction<double[]> function, double step) implements BenchProblem {

    /** A problem of continuous floats. */
    public ContinuousProblem(String name, double[] low, double[] high, double optimum, int trials,
                             ToDoubleFunction<double[]> function) {
        this(name, low, high, optimum, trials, function, 0);
    }

    /** This problem with every float on the grid of {@code step} (0: continuous); see {@link FloatDistribution}. */
    public ContinuousProblem withStep(double step) {
        return new ContinuousProblem(name, low, high, optimum, trials, function, step);
    }

    /** A problem whose every dimension has the same bounds. */
    public static ContinuousProblem cube(String name, int dim, double low, double high, double optimum, int trials,
                                         ToDoubleFunction<double[]> function) {
        double[] lo = new double[dim];
        double[] hi = new double[dim];
        java.util.Arrays.fill(lo, low);
        java.util.Arrays.fill(hi, high);
        return new ContinuousProblem(name, lo, hi, optimum, trials, function);
    }

    public int dimension() {
        return low.length;
    }

    @Override
    public int defaultTrials() {
        return trials;
    }

    @Override
    public List<Direction> directions() {
        return List.of(Direction.MINIMIZE);
    }

    @Override
    public double[] evaluate(Trial trial) {
        double[] x = new double[low.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = step > 0 ? trial.suggestFloat("x" + i, low[i], high[i], RangeOptions.step(step))
                    : trial.suggestFloat("x" + i, low[i], high[i]);
        }
        return new double[] {function.applyAsDouble(x)};
    }
}
