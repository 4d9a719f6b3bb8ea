package io.tunelab.search.trial;

import io.tunelab.search.exec.Slot;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.ExponentialDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.space.InvalidDistributionException;
import io.tunelab.search.summary.Histogram;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.InvalidSummaryException;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.PngImages;
import io.tunelab.search.summary.PrCurve;
import io.tunelab.search.summary.TextSummary;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The objective's live handle on a running trial: define-by-run suggestions, reports for pruning,
 * per-step scalars and summaries (histograms, texts, images, PR curves), artifacts and attributes.
 * Everything written goes to the study's storage.
 *
 * <p>Suggesting the same name twice returns the same value; the same name with a different
 * distribution throws {@link InvalidDistributionException}. A handle is used by one thread, the one
 * running the objective; it must not be used after the trial has ended.
 */
public interface Trial {

    /** Number of the trial within its study. */
    int number();

    /** The execution slot this trial holds (e.g. {@code cpu:1}, {@code gpu:0}). */
    Slot slot();

    /** A seed derived from the study seed and the trial number, for the objective's own randomness. */
    long seed();

    /**
     * Returns the value of parameter {@code name} drawn from {@code distribution}: the enqueued value
     * if there is one, else the sampler's. The primitive every {@code suggestX} method builds on.
     *
     * @throws io.tunelab.search.SearchException for a null or blank name or one longer than
     *     {@value io.tunelab.search.storage.StorageNames#MAX_NAME} characters, as every storage refuses it
     */
    Object suggest(String name, Distribution distribution);

    /**
     * Reports the value the pruner judges at {@code step} (an epoch, a fold...), 0 or more. A step is reported once,
     * as in Optuna: reporting it again keeps the first value (a study's trial logs a warning), within one attempt
     * ({@link #beginAttempt}).
     *
     * @throws io.tunelab.search.SearchException for a negative step, naming it
     */
    void report(int step, double value);

    /**
     * Begins another attempt of this trial in place, after its objective caught a failure it recovers from by training
     * again (the GPU ran out of memory: {@code OutOfMemoryRetry}): from now on a step is reported once per attempt, and
     * the new attempt's value of a step the earlier attempt reported replaces it, so the trial's curve is the retry's
     * (as Keras's, restarted, would be). By default nothing is kept per attempt: a trial that keeps no reports has
     * nothing to do.
     */
    default void beginAttempt() {
    }

    /** Asks the study's pruner whether to stop now; records the reason when it says yes. */
    boolean shouldPrune();

    /**
     * Logs a per-step scalar of any name (loss, val_accuracy, lr...) at {@code step}, 0 or more as for {@link #report}.
     *
     * @throws io.tunelab.search.SearchException for a negative step, or a null or blank name or one longer than
     *     {@value io.tunelab.search.storage.StorageNames#MAX_NAME} characters
     */
    void log(String name, long step, double value);

    /**
     * Logs a non-scalar summary: the primitive the {@code logHistogram}, {@code logText}, {@code logImage} and
     * {@code logPrCurve} methods build on. The summary was checked against the limits when it was made.
     */
    void logSummary(LoggedSummary summary);

    /**
     * Logs the distribution of {@code values} (weights, activations, gradients) at {@code step}, bucketed once here
     * with TensorBoard's default bucket limits ({@link Histogram#of(double[])}); NaN values are left out.
     */
    default void logHistogram(String name, long step, double[] values) {
        logSummary(new LoggedSummary(name, step, Instant.now(), named(name, step, () -> Histogram.of(values))));
    }

    /** Logs a histogram bucketed by the caller (see {@link Histogram#ofBuckets(double[], double[])}). */
    default void logHistogram(String name, long step, Histogram histogram) {
        logSummary(new LoggedSummary(name, step, Instant.now(), histogram));
    }

    /** Logs a Markdown text; viewers escape any HTML in it. */
    default void logText(String name, long step, String markdown) {
        logSummary(new LoggedSummary(name, step, Instant.now(), new TextSummary(markdown)));
    }

    /** Logs an image from the bytes of a PNG file; an {@link InvalidSummaryException} if they are not a PNG. */
    default void logImage(String name, long step, byte[] png) {
        logSummary(new LoggedSummary(name, step, Instant.now(),
                ImageSummary.ofPng(png, "image '" + name + "' at step " + step)));
    }

    /** Logs an image from pixels {@code [height][width][channels]} in {@code [0, 1]} (see {@link PngImages}). */
    default void logImage(String name, long step, float[][][] pixels) {
        logImage(name, step, named(name, step, () -> PngImages.encode(pixels)));
    }

    /**
     * Logs the precision-recall curve of a binary classifier (or of one class against the rest):
     * {@code labels[i]} whether sample {@code i} is positive, {@code scores[i]} its predicted probability.
     */
    default void logPrCurve(String name, long step, boolean[] labels, double[] scores) {
        logSummary(new LoggedSummary(name, step, Instant.now(), named(name, step, () -> PrCurve.of(labels, scores))));
    }

    /** Attaches a copy of a file to the trial under {@code name}. */
    ArtifactRef logArtifact(String name, Path file);

    /**
     * Removes the artifact called {@code name} that this trial attached, if any (a file that only served while the trial
     * ran, such as a resumable checkpoint). Nothing for handles without storage.
     */
    default void deleteArtifact(String name) {
    }

    /**
     * The artifacts called {@code name} of the trials this trial retries: of the trial named by its
     * system attribute {@code retry_of}, then of the trial that one retries, and so on, nearest first
     * (at most one per trial). Empty for a trial that retries none, and for handles without storage.
     * A resumable objective looks here for the checkpoint its predecessors left.
     */
    default List<ArtifactRef> retriedArtifacts(String name) {
        return List.of();
    }

    /** Sets a JSON-compatible user attribute (string, number, boolean, list or map of those). */
    void setUserAttr(String key, Object value);

    /**
     * Reports constraint values: {@code <= 0} holds, positive is violated (see {@link Constraints}).
     * Constraint-aware samplers never take an infeasible trial for the best one.
     */
    default void setConstraints(double... values) {
        setUserAttr(Constraints.USER_ATTR, Constraints.asAttribute(values));
    }

    /** Parameters suggested so far, in external form, in suggestion order. */
    Map<String, Object> params();

    default double suggestFloat(String name, double low, double high) {
        return (Double) suggest(name, checked(name, () -> FloatDistribution.uniform(low, high)));
    }

    /**
     * A float from {@code [low, high]} searched as {@code options} say: {@link RangeOptions#log()},
     * {@link RangeOptions#step(double)} or {@link RangeOptions#linear()}.
     */
    default double suggestFloat(String name, double low, double high, RangeOptions options) {
        return (Double) suggest(name, checked(name, () -> options.floats(low, high)));
    }

    /**
     * A float drawn log-uniformly (reciprocal) when {@code log} is true.
     *
     * @deprecated {@code suggestFloat(name, 0, 1, 1)} compiled as a step of 1.0, too close to this;
     *     use {@link #suggestFloat(String, double, double, RangeOptions)} with {@link RangeOptions#log()}
     */
    @Deprecated
    default double suggestFloat(String name, double low, double high, boolean log) {
        return suggestFloat(name, low, high, log ? RangeOptions.log() : RangeOptions.linear());
    }

    /**
     * A float on the grid {@code low, low + step, ..., high}.
     *
     * @deprecated ambiguous beside the {@code boolean log} overload; use
     *     {@link #suggestFloat(String, double, double, RangeOptions)} with {@link RangeOptions#step(double)}
     */
    @Deprecated
    default double suggestFloat(String name, double low, double high, double step) {
        return suggestFloat(name, low, high, RangeOptions.step(step));
    }

    /** Same as {@code suggestFloat(name, low, high, RangeOptions.log())}: scikit-learn's {@code reciprocal(low, high)}. */
    default double suggestReciprocal(String name, double low, double high) {
        return suggestFloat(name, low, high, RangeOptions.log());
    }

    /** A float from scipy's {@code expon(scale=scale)}: exponential from 0, mean {@code scale}. */
    default double suggestExpon(String name, double scale) {
        return suggestExpon(name, 0, scale);
    }

    /** A float from scipy's {@code expon(loc, scale)}: exponential from {@code loc}, mean {@code loc + scale}. */
    default double suggestExpon(String name, double loc, double scale) {
        return (Double) suggest(name, checked(name, () -> new ExponentialDistribution(loc, scale)));
    }

    default int suggestInt(String name, int low, int high) {
        return (Integer) suggest(name, checked(name, () -> IntDistribution.uniform(low, high)));
    }

    /** An int from {@code [low, high]} searched as {@code options} say (a step must be whole). */
    default int suggestInt(String name, int low, int high, RangeOptions options) {
        return (Integer) suggest(name, checked(name, () -> options.ints(low, high)));
    }

    /**
     * An int drawn log-uniformly when {@code log} is true.
     *
     * @deprecated use {@link #suggestInt(String, int, int, RangeOptions)} with {@link RangeOptions#log()}
     */
    @Deprecated
    default int suggestInt(String name, int low, int high, boolean log) {
        return suggestInt(name, low, high, log ? RangeOptions.log() : RangeOptions.linear());
    }

    /**
     * An int on the grid {@code low, low + step, ..., high}.
     *
     * @deprecated use {@link #suggestInt(String, int, int, RangeOptions)} with {@link RangeOptions#step(double)}
     */
    @Deprecated
    default int suggestInt(String name, int low, int high, int step) {
        return suggestInt(name, low, high, RangeOptions.step(step));
    }

    @SuppressWarnings("unchecked")
    default <T> T suggestCategorical(String name, List<T> choices) {
        return (T) suggest(name, checked(name, () -> new CategoricalDistribution(List.copyOf(choices))));
    }

    /** Logs several scalars at one step. */
    default void log(long step, Map<String, Double> values) {
        values.forEach((name, value) -> log(name, step, value));
    }

    private static <T> T named(String name, long step, java.util.function.Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidSummaryException e) {
            throw new InvalidSummaryException("'" + name + "' at step " + step + ": " + e.getMessage());
        }
    }

    private static Distribution checked(String name, java.util.function.Supplier<Distribution> make) {
        try {
            return make.get();
        } catch (InvalidDistributionException e) {
            throw e.forParameter(name);
        } catch (NullPointerException e) {
            throw new InvalidDistributionException("parameter '" + name + "': choices must not contain null");
        }
    }
}
