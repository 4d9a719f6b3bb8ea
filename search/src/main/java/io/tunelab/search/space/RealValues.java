package io.tunelab.search.space;

/** The internal form shared by the real-valued distributions: the value itself, once checked. */
final class RealValues {
    private RealValues() {
    }

    /**
     * {@code external} as a double if it is a finite number outside {@code [low, high]} (an integer within int's
     * range when {@code integer}); otherwise {@code distribution.toInternal(external)}, which checks it.
     */
    static double outOfRange(Distribution distribution, Object external, double low, double high, boolean integer) {
        if (external instanceof Number number) {
            double v = number.doubleValue();
            boolean outside = Double.isFinite(v) && (v < low || v > high);
            boolean whole = !integer || v == Math.rint(v) && v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
            if (outside && whole) {
                return v;
            }
        }
        return distribution.toInternal(external);
    }

    /** {@code external} as a double of {@code distribution}; throws naming the value and the distribution. */
    static double toInternal(Distribution distribution, Object external) {
        if (!(external instanceof Number number)) {
            throw new InvalidDistributionException("expected a number in " + distribution.describe() + ", got " + external);
        }
        double v = number.doubleValue();
        if (!distribution.contains(v)) {
            throw new InvalidDistributionException("value " + v + " is outside " + distribution.describe());
        }
        return v;
    }
}
