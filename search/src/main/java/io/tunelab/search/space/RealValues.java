package io.tunelab.search.space;

/** The internal form shared by the real-valued distributions: the value itself, once checked. */
final class RealValues {
    private RealValues() {
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
