package io.tunelab.search.space;

import java.util.Locale;

/**
 * A real-valued parameter in {@code [low, high]}: uniform, log-uniform ({@code log}: the logarithm
 * of the value is uniform, as {@code scipy.stats.reciprocal}), or on a grid of {@code step}.
 *
 * @param low  lower bound, finite
 * @param high upper bound, finite, {@code >= low}
 * @param log  whether the logarithm is uniform; requires {@code low > 0} and no step
 * @param step grid spacing, or {@code 0} for none; when set, it divides {@code high - low}
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

    /** The value rounded to the nearest grid point (if stepped) and clipped to the bounds. */
    public double snap(double value) {
        double v = value;
        if (hasStep()) {
            v = low + Math.rint((v - low) / step) * step;
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

    @Override
    public Object toExternal(double internal) {
        return internal;
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
