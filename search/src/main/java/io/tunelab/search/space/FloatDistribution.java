package io.tunelab.search.space;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * A real-valued parameter in {@code [low, high]}: uniform, log-uniform ({@code log}: the logarithm
 * of the value is uniform, as {@code scipy.stats.reciprocal}), or on a grid of {@code step}.
 *
 * @param low  lower bound, finite
 * @param high upper bound, finite, {@code >= low}
 * @param log  whether the logarithm is uniform; requires {@code low > 0} and no step
 * @param step grid spacing, or {@code 0} for none; when set, it divides {@code high - low}
 *
 * <p>A stepped value is always a grid point {@code low + k * step} computed in decimal, from the shortest decimal
 * representations of {@code low} and {@code step} ({@link Double#toString}), then rounded once to the nearest double:
 * {@code float[0.3, 1.0] step 0.1} has the values 0.3, 0.4, ..., 0.6, ..., 1.0, never {@code 0.6000000000000001}.
 * {@link #gridPoint}, {@link #snap} and {@link #toExternal} all give these doubles, so the values samplers propose,
 * trials store, grids list and conditions name agree exactly. Unstepped values are left as they are.
 */
public record FloatDistribution(double low, double high, boolean log, double step) implements Distribution {
    private static final double STEP_TOLERANCE = 1e-8;

    public FloatDistribution {
        if (!Double.isFinite(low)) {
            throw new InvalidDistributionException("low must be a finite number, got low=" + low);
        }
        if (!Double.isFinite(high)) {
            throw new InvalidDistributionException("high must be a finite number, got high=" + high);
        }
        if (low > high) {
            throw new InvalidDistributionException(
                    "low must not exceed high, got low=" + low + ", high=" + high);
        }
        if (log && low <= 0) {
            throw new InvalidDistributionException(
                    "a log (reciprocal) distribution needs low > 0, got low=" + low);
        }
        if (!Double.isFinite(step) || step < 0) {
            throw new InvalidDistributionException("step must be a positive number, got step=" + step);
        }
        if (log && step != 0) {
            throw new InvalidDistributionException(
                    "log and step cannot be combined, got log=true, step=" + step);
        }
        if (step != 0) {
            double cells = (high - low) / step;
            if (Math.abs(cells - Math.rint(cells)) > STEP_TOLERANCE * Math.max(1, cells)) {
                throw new InvalidDistributionException("step must divide high - low, got step=" + step
                        + " for range [" + low + ", " + high + "]");
            }
        }
    }

    /** Uniform on {@code [low, high]}. */
    public static FloatDistribution uniform(double low, double high) {
        return new FloatDistribution(low, high, false, 0);
    }

    /** Log-uniform (reciprocal) on {@code [low, high]}. */
    public static FloatDistribution logUniform(double low, double high) {
        return new FloatDistribution(low, high, true, 0);
    }

    /** Uniform on the grid {@code low, low + step, ..., high}. */
    public static FloatDistribution stepped(double low, double high, double step) {
        if (step <= 0 || !Double.isFinite(step)) {
            throw new InvalidDistributionException("step must be a positive number, got step=" + step);
        }
        return new FloatDistribution(low, high, false, step);
    }

    public boolean hasStep() {
        return step != 0;
    }

    /** Number of grid points when stepped; throws otherwise. */
    public int gridSize() {
        if (!hasStep()) {
            throw new InvalidDistributionException("a continuous float has no grid: " + describe());
        }
        return (int) Math.rint((high - low) / step) + 1;
    }

    /**
     * Grid point {@code k} ({@code 0 <= k < gridSize()}): the double nearest to {@code low + k * step} computed in
     * decimal (see the class comment). Throws for a continuous float or a {@code k} off the grid.
     */
    public double gridPoint(long k) {
        if (k < 0 || k >= gridSize()) {
            throw new InvalidDistributionException("grid point " + k + " of " + describe() + " does not exist; expected"
                    + " 0 <= k < " + gridSize());
        }
        return onGrid(k);
    }

    /** The first and last points are the bounds themselves (a step need only divide the range to within 1e-8). */
    private double onGrid(long k) {
        if (k <= 0) {
            return low;
        }
        if (k >= Math.rint((high - low) / step)) {
            return high;
        }
        return new BigDecimal(Double.toString(low))
                .add(new BigDecimal(Double.toString(step)).multiply(BigDecimal.valueOf(k))).doubleValue();
    }

    /**
     * The value rounded to the nearest grid point (if stepped; that point as {@link #gridPoint} gives it) and clipped
     * to the bounds. An unstepped value is only clipped.
     */
    public double snap(double value) {
        double v = value;
        if (hasStep()) {
            double k = Math.rint((v - low) / step);
            v = Double.isNaN(k) ? v : onGrid((long) k);
        }
        return Math.min(high, Math.max(low, v));
    }

    @Override
    public double toInternal(Object external) {
        if (hasStep() && external instanceof Number number && number.doubleValue() >= low && number.doubleValue() <= high
                && !contains(number.doubleValue())) {
            throw new InvalidDistributionException("value " + external + " is not on the step grid of " + describe()
                    + " (" + low + " plus a multiple of " + step + ")");
        }
        return RealValues.toInternal(this, external);
    }

    /** The value itself; a stepped value as its grid point (see the class comment), so 0.6000000000000001 is 0.6. */
    @Override
    public double toInternalOutOfRange(Object external) {
        return RealValues.outOfRange(this, external, low, high, false);
    }

    @Override
    public Object toExternal(double internal) {
        return hasStep() && contains(internal) ? snap(internal) : internal;
    }

    @Override
    public boolean contains(double internal) {
        if (!(internal >= low && internal <= high)) {
            return false;
        }
        if (!hasStep()) {
            return true;
        }
        double k = (internal - low) / step;
        return Math.abs(k - Math.rint(k)) <= 1e-6;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }

    @Override
    public String describe() {
        String s = String.format(Locale.ROOT, "float[%s, %s]", low, high);
        if (log) {
            s += " log";
        }
        if (hasStep()) {
            s += " step " + step;
        }
        return s;
    }
}
