package io.tunelab.trainers.eval;

import io.tunelab.trainers.TrainersException;
import java.util.LinkedHashMap;
import java.util.Map;
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
