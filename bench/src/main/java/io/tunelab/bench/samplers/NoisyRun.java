package io.tunelab.bench.samplers;

import io.tunelab.search.sampler.RandomStreams;
import java.util.Arrays;

/**
 * Observation noise for one run of a single-objective problem, as a trained model's validation score is noisy: the
 * k-th value observed (k = 0, 1, ... in call order, which is trial order in a sequential run) gets {@code sd · z_k}
 * added, where {@code z_k} is a standard normal drawn from the run's seed and k alone, so every sampler and peer run on
 * the same seed sees the same noise at the same trial (common random numbers: their comparison is paired). The regret
 * is then what a user who picks the trial with the best observed value gets: that trial's true value minus f*, not
 * the best true value ever evaluated, which nobody could tell from the observations. With {@code sd = 0} it is the
 * ordinary regret. Not thread-safe: one run, one thread.
 */
public final class NoisyRun {
    private final double sd;
    private final long seed;
    private double[] observed = new double[128];
    private double[] truth = new double[128];
    private int count;

    /**
     * @param sd   the noise's standard deviation, {@code >= 0}
     * @param seed the run's seed; the same seed gives the same noise sequence
     */
    public NoisyRun(double sd, long seed) {
        if (!(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("noise standard deviation must be finite and >= 0, got " + sd);
        }
        this.sd = sd;
        this.seed = seed;
    }

    /**
     * The standard normal draw of trial {@code k} of the run with {@code seed}: a stream of {@link RandomStreams} with a
     * purpose of its own, so it is independent of every sampler's draws from the same seed.
     */
    static double draw(long seed, int k) {
        return RandomStreams.seeded(seed).forTrial(k, "observation-noise").nextGaussian();
    }

    /** Records the true value of the next trial and returns what the sampler observes: it plus this trial's noise. */
    public double observe(double trueValue) {
        if (count == observed.length) {
            observed = Arrays.copyOf(observed, 2 * count);
            truth = Arrays.copyOf(truth, 2 * count);
        }
        double value = sd == 0 ? trueValue : trueValue + sd * draw(seed, count);
        observed[count] = value;
        truth[count] = trueValue;
        count++;
        return value;
    }

    /** How many values were observed. */
    public int observations() {
        return count;
    }

    /**
     * The true value of the trial with the lowest observed value among the first {@code k} (the earliest on a tie).
     *
     * @throws IllegalArgumentException if {@code k} is not in 1..{@link #observations()}
     */
    public double trueValueOfBestAfter(int k) {
        if (k < 1 || k > count) {
            throw new IllegalArgumentException("k must be in 1.." + count + " (the observations so far), got " + k);
        }
        int best = 0;
        for (int i = 1; i < k; i++) {
            if (observed[i] < observed[best]) {
                best = i;
            }
        }
        return truth[best];
    }
}
