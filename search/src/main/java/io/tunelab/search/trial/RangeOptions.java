package io.tunelab.search.trial;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.InvalidDistributionException;

/**
 * How a numeric range is searched, named at the call site so that a log scale and a grid step cannot
 * be confused: {@code trial.suggestFloat("lr", 1e-5, 1e-1, RangeOptions.log())},
 * {@code trial.suggestFloat("dropout", 0, 0.5, RangeOptions.step(0.1))},
 * {@code trial.suggestInt("units", 16, 512, RangeOptions.log())}. Immutable.
 *
 * @param logScale whether the logarithm of the value is uniform (low must be positive)
 * @param gridStep grid spacing, or null for none; it must divide {@code high − low}, and be whole for ints
 */
public record RangeOptions(boolean logScale, Double gridStep) {

    /** Refuses a log scale with a grid step, as {@link FloatDistribution} and {@link IntDistribution} do. */
    public RangeOptions {
        if (logScale && gridStep != null) {
            throw new InvalidDistributionException("log and step cannot be combined, got log=true, step=" + gridStep);
        }
    }

    /** Uniform, no grid: what {@code suggestFloat(name, low, high)} does. */
    public static RangeOptions linear() {
        return new RangeOptions(false, null);
    }

    /** Log-uniform (reciprocal). */
    public static RangeOptions log() {
        return new RangeOptions(true, null);
    }

    /** Uniform over the grid {@code low, low + step, ..., high}. */
    public static RangeOptions step(double step) {
        return new RangeOptions(false, step);
    }

    /** The float distribution over {@code [low, high]} these options describe; throws if they are invalid. */
    public FloatDistribution floats(double low, double high) {
        return gridStep == null ? new FloatDistribution(low, high, logScale, 0)
                : FloatDistribution.stepped(low, high, gridStep);
    }

    /** The int distribution over {@code [low, high]}; throws if invalid or the step is not a whole number. */
    public IntDistribution ints(int low, int high) {
        if (gridStep == null) {
            return new IntDistribution(low, high, logScale, 1);
        }
        if (gridStep != Math.rint(gridStep) || Math.abs(gridStep) > Integer.MAX_VALUE) {
            throw new InvalidDistributionException("an int range needs a whole step, got step=" + gridStep);
        }
        return IntDistribution.stepped(low, high, gridStep.intValue());
    }
}
