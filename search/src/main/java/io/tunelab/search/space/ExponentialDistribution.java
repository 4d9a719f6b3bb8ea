package io.tunelab.search.space;

import java.util.Locale;

/**
 * A real-valued parameter with an exponential law from {@code loc} upwards, as {@code scipy.stats.expon(loc, scale)}
 * (the distribution scikit-learn's {@code RandomizedSearchCV} examples draw SVM {@code gamma} from):
 * density {@code exp(-(x - loc) / scale) / scale} for {@code x >= loc}, mean {@code loc + scale}. Unbounded
 * above. On the unit cube of {@link SearchSpaceTransform} a value is its cumulative probability, so every
 * sampler that works in the cube draws from this law; the grid sampler refuses it, having no finite grid.
 *
 * @param loc   the smallest value, finite
 * @param scale the mean distance above {@code loc}, finite and positive
 */
public record ExponentialDistribution(double loc, double scale) implements Distribution {

    public ExponentialDistribution {
        if (!Double.isFinite(loc)) {
            throw new InvalidDistributionException("loc must be a finite number, got loc=" + loc);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new InvalidDistributionException("an exponential distribution needs a finite scale > 0, got scale="
                    + scale);
        }
    }

    /** scipy's {@code expon(scale=scale)}: from 0 upwards, mean {@code scale}. */
    public static ExponentialDistribution withScale(double scale) {
        return new ExponentialDistribution(0, scale);
    }

    /** The probability of a value at most {@code value}. */
    public double cdf(double value) {
        return value <= loc ? 0 : -Math.expm1(-(value - loc) / scale);
    }

    /**
     * The value whose cumulative probability is {@code p}, clipped to [0, 1]; {@code p = 1}, which has
     * no finite quantile, gives the quantile of the largest double below 1 (about {@code loc + 36.7 scale}).
     */
    public double quantile(double p) {
        double q = Math.min(Math.max(p, 0), Math.nextDown(1.0));
        return loc - scale * Math.log1p(-q);
    }

    @Override
    public double toInternal(Object external) {
        return RealValues.toInternal(this, external);
    }

    @Override
    public double toInternalOutOfRange(Object external) {
        return RealValues.outOfRange(this, external, loc, Double.POSITIVE_INFINITY, false);
    }

    @Override
    public Object toExternal(double internal) {
        return internal;
    }

    @Override
    public boolean contains(double internal) {
        return internal >= loc && internal < Double.POSITIVE_INFINITY;
    }

    @Override
    public boolean isSingle() {
        return false;
    }

    @Override
    public String describe() {
        return loc == 0 ? String.format(Locale.ROOT, "expon(scale=%s)", scale)
                : String.format(Locale.ROOT, "expon(loc=%s, scale=%s)", loc, scale);
    }
}
