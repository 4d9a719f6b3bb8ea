package io.tunelab.trainers.eval;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A two-sided confidence interval.
 *
 * @param low   lower bound
 * @param high  upper bound, {@code >= low}
 * @param level confidence level in (0, 1), e.g. 0.95
 */
public record ConfidenceInterval(double low, double high, double level) {
    /** Absolute accuracy of the t quantile (Commons Math's default, 1e-9, is coarser than scipy's). */
    private static final double QUANTILE_ACCURACY = 1e-13;

    public ConfidenceInterval {
        if (!(level > 0 && level < 1)) {
            throw new TrainersException("confidence level must be in (0, 1), got " + level);
        }
        if (!(low <= high)) {
            throw new TrainersException("interval low must not exceed high, got [" + low + ", " + high + "]");
        }
    }

    /**
     * Student's t-interval for the mean of {@code samples}: {@code mean +- t * s / sqrt(n)} with
     * {@code s} the sample standard deviation (n - 1 in the denominator) and {@code t} the
     * {@code (1 + level) / 2} quantile of the t distribution with n - 1 degrees of freedom, the same as
     * {@code scipy.stats.t.interval(level, n - 1, loc=mean, scale=scipy.stats.sem(samples))}.
     *
     * @throws TrainersException if there are fewer than 2 samples or one is not finite
     */
    public static ConfidenceInterval tInterval(double[] samples, double level) {
        int n = samples.length;
        if (n < 2) {
            throw new TrainersException("a t-interval needs at least 2 samples, got " + n);
        }
        double sum = 0;
        for (double v : samples) {
            if (!Double.isFinite(v)) {
                throw new TrainersException("a t-interval needs finite samples, got " + v);
            }
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : samples) {
            squares += (v - mean) * (v - mean);
        }
        double sem = Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        double t = new TDistribution(null, n - 1, QUANTILE_ACCURACY).inverseCumulativeProbability((1 + level) / 2);
        return new ConfidenceInterval(mean - t * sem, mean + t * sem, level);
    }

    /**
     * The bootstrap percentile interval for the mean of {@code samples} (Efron &amp; Tibshirani 1993, ch. 13): the
     * means of {@code resamples} resamples of {@code samples} drawn with replacement from a generator seeded with
     * {@code seed}, cut at their {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles (linear interpolation,
     * numpy's default). Unlike the t-interval it never leaves the samples' range, so the mean of squared errors never
     * gets a negative bound, and a monotone function of the mean (its {@link #sqrt()}) keeps the interval's coverage.
     * Same samples, level and seed, same interval.
     *
     * @throws TrainersException if there are fewer than 2 samples, one is not finite, or {@code resamples < 100}
     */
    public static ConfidenceInterval bootstrapMean(double[] samples, double level, long seed, int resamples) {
        int n = samples.length;
        if (n < 2) {
            throw new TrainersException("a bootstrap interval needs at least 2 samples, got " + n);
        }
        if (resamples < 100) {
            throw new TrainersException("a bootstrap interval needs at least 100 resamples, got " + resamples);
        }
        for (double v : samples) {
            if (!Double.isFinite(v)) {
                throw new TrainersException("a bootstrap interval needs finite samples, got " + v);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += samples[random.nextInt(n)];
            }
            means[b] = sum / n;
        }
        Arrays.sort(means);
        return new ConfidenceInterval(quantile(means, (1 - level) / 2), quantile(means, (1 + level) / 2), level);
    }

    private static double quantile(double[] sorted, double p) {
        double at = p * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }

    /** This interval clipped to {@code [min, max]}. */
    public ConfidenceInterval clip(double min, double max) {
        return new ConfidenceInterval(Math.min(max, Math.max(min, low)), Math.max(min, Math.min(max, high)), level);
    }

    /** The interval of {@code sqrt} of the quantity (bounds below zero become zero first). */
    public ConfidenceInterval sqrt() {
        return new ConfidenceInterval(Math.sqrt(Math.max(0, low)), Math.sqrt(Math.max(0, high)), level);
    }

    /** {@code low}, {@code high} and {@code level} as a JSON-compatible map. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("low", low);
        m.put("high", high);
        m.put("level", level);
        return m;
    }
}
