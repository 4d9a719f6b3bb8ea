package io.tunelab.search.space;

/**
 * An integer parameter in {@code [low, high]}: uniform, log-uniform ({@code log}), or every
 * {@code step}-th integer from {@code low}.
 *
 * @param low  lower bound
 * @param high upper bound, {@code >= low}
 * @param log  whether the logarithm is uniform; requires {@code low >= 1} and {@code step == 1}
 * @param step spacing, {@code >= 1}, dividing {@code high - low}
 */
public record IntDistribution(int low, int high, boolean log, int step) implements Distribution {

    public IntDistribution {
        if (low > high) {
            throw new InvalidDistributionException(
                    "low must not exceed high, got low=" + low + ", high=" + high);
        }
        if (step < 1) {
            throw new InvalidDistributionException("step must be at least 1, got step=" + step);
        }
        if (log && low < 1) {
            throw new InvalidDistributionException("a log int distribution needs low >= 1, got low=" + low);
        }
        if (log && step != 1) {
            throw new InvalidDistributionException("log and step cannot be combined, got log=true, step=" + step);
        }
        if (((long) high - low) % step != 0) {
            throw new InvalidDistributionException("step must divide high - low, got step=" + step
                    + " for range [" + low + ", " + high + "]");
        }
    }

    public static IntDistribution uniform(int low, int high) {
        return new IntDistribution(low, high, false, 1);
    }

    public static IntDistribution logUniform(int low, int high) {
        return new IntDistribution(low, high, true, 1);
    }

    public static IntDistribution stepped(int low, int high, int step) {
        return new IntDistribution(low, high, false, step);
    }

    /** Number of admissible values. */
    public int gridSize() {
        return (int) (((long) high - low) / step + 1);
    }

    /** The nearest admissible integer to a real value, clipped to the bounds. */
    public int snap(double value) {
        double k = Math.rint((value - low) / step);
        long v = low + (long) k * step;
        return (int) Math.min(high, Math.max(low, v));
    }

    @Override
    public double toInternal(Object external) {
        if (!(external instanceof Number number)) {
            throw new InvalidDistributionException("expected an integer in " + describe() + ", got " + external);
        }
        double v = number.doubleValue();
        if (!contains(v)) {
            throw new InvalidDistributionException(whyNot(external, v));
        }
        return v;
    }

    /** Why {@code v} (given as {@code external}) is not a value of this distribution: not an integer, off the step grid, or outside. */
    private String whyNot(Object external, double v) {
        if (!(v >= low && v <= high)) {
            return "value " + external + " is outside " + describe();
        }
        if (v != Math.rint(v)) {
            return "value " + external + " is not an integer, as " + describe() + " needs";
        }
        return "value " + external + " is not on the step grid of " + describe() + " (" + low + " plus a multiple of "
                + step + ")";
    }

    @Override
    public double toInternalOutOfRange(Object external) {
        return RealValues.outOfRange(this, external, low, high, true);
    }

    @Override
    public Object toExternal(double internal) {
        return (int) Math.rint(internal);
    }

    @Override
    public boolean contains(double internal) {
        if (internal != Math.rint(internal) || internal < low || internal > high) {
            return false;
        }
        return ((long) internal - low) % step == 0;
    }

    @Override
    public boolean isSingle() {
        return low == high;
    }

    @Override
    public String describe() {
        String s = "int[" + low + ", " + high + "]";
        if (log) {
            s += " log";
        }
        if (step != 1) {
            s += " step " + step;
        }
        return s;
    }
}
