package io.tunelab.search.space;

/**
 * The set a parameter is drawn from. Immutable values; every implementation validates itself on
 * construction and throws {@link InvalidDistributionException} naming the bad value.
 *
 * <p>Each distribution has an <em>internal</em> form, a {@code double} that samplers work with
 * (the value itself for numbers, the choice index for categoricals), and an <em>external</em> form,
 * the value the objective sees ({@code Double}, {@code Integer}, or one of the choices).
 */
public sealed interface Distribution permits FloatDistribution, IntDistribution, ExponentialDistribution,
        CategoricalDistribution {

    /** Converts an external value to the internal double form; throws if it is not in the distribution. */
    double toInternal(Object external);

    /**
     * Converts an external value to the internal form as {@link #toInternal} does, except that a finite number outside
     * the bounds (an integer, for an int distribution) is taken as it is: Optuna lets an enqueued trial use such a value,
     * with a warning. {@link #contains} is false for it. Categorical values must still be among the choices.
     */
    default double toInternalOutOfRange(Object external) {
        return toInternal(external);
    }

    /** Converts an internal double back to the value the objective sees. */
    Object toExternal(double internal);

    /** Whether the internal value is a member of this distribution. */
    boolean contains(double internal);

    /** Whether the distribution holds a single value (samplers may skip it). */
    boolean isSingle();

    /** A short human description, e.g. {@code float[0.0003, 0.03] log}. */
    String describe();

    /** Whether {@code d} is numeric with a grid of admissible values: an int or a stepped float. */
    static boolean hasGrid(Distribution d) {
        return d instanceof IntDistribution || d instanceof FloatDistribution f && f.hasStep();
    }

    /** Whether {@code d} holds finitely many values: a grid ({@link #hasGrid}), a categorical or a single value. */
    static boolean isFinite(Distribution d) {
        return hasGrid(d) || d instanceof CategoricalDistribution || d.isSingle();
    }
}
