package io.tunelab.trainers.params;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.trainers.TrainersException;
import java.util.List;
import java.util.Optional;

/**
 * The values a hyperparameter admits beyond its kind: one of a list of names, or a number within bounds. The trainers
 * check every value they read against it, and a study file's space is checked against the same before anything runs, so
 * the two cannot disagree. Immutable.
 */
public sealed interface Allowed {
    /** Numbers in [0, 1): dropout, momentum, the Adam betas, rho. */
    Bounds FRACTION = new Bounds(0, true, 1, false);
    /** Finite numbers above 0: learning rates, epsilon. */
    Bounds POSITIVE = new Bounds(0, false, Double.POSITIVE_INFINITY, false);
    /** Finite numbers from 0 on: penalties, thresholds where 0 is off. */
    Bounds NON_NEGATIVE = new Bounds(0, true, Double.POSITIVE_INFINITY, false);
    /** Numbers in (0, 1]: shares of the rows or features a tree samples, where 1 is all of them. */
    Bounds SHARE = new Bounds(0, false, 1, true);
    /** Counts from 1 on: units, layers, epochs. */
    Bounds AT_LEAST_ONE = new Bounds(1, true, Double.POSITIVE_INFINITY, false);

    /**
     * The value as the trainer reads it (a choice in its listed spelling), or empty when it is not admitted. A value of
     * another kind (a text where a number is read) is left to the kind's own check and returned as it is.
     */
    Optional<Object> admit(Object value);

    /** What is admitted, for messages: {@code one of relu, tanh}, {@code in [0, 1)}, {@code > 0}. */
    String describe();

    /** Names of choices, compared ignoring case, surrounding blanks, and hyphens against underscores ({@code one-cycle}). */
    static Choices oneOf(String... names) {
        return new Choices(List.of(names));
    }

    /**
     * One of a list of names.
     *
     * @param names the names in the spelling the trainer reads, non-empty
     */
    record Choices(List<String> names) implements Allowed {
        public Choices {
            if (names.isEmpty()) {
                throw new TrainersException("a choice needs at least one name");
            }
            names = List.copyOf(names);
        }

        @Override
        public Optional<Object> admit(Object value) {
            if (value == null) {
                return Optional.empty();
            }
            String key = normalized(String.valueOf(value));
            return names.stream().filter(n -> normalized(n).equals(key)).findFirst().map(n -> n);
        }

        private static String normalized(String name) {
            return CategoricalDistribution.nameKey(name);
        }

        @Override
        public String describe() {
            return "one of " + String.join(", ", names);
        }
    }

    /**
     * Numbers from {@code low} to {@code high}; an infinite bound is never itself admitted.
     *
     * @param low          the least value
     * @param lowIncluded  whether {@code low} itself is admitted
     * @param high         the greatest value, or positive infinity for none
     * @param highIncluded whether {@code high} itself is admitted
     */
    record Bounds(double low, boolean lowIncluded, double high, boolean highIncluded) implements Allowed {
        /** Whether {@code v} lies within the bounds. */
        public boolean contains(double v) {
            return (lowIncluded ? v >= low : v > low) && (highIncluded ? v <= high : v < high) && Double.isFinite(v);
        }

        @Override
        public Optional<Object> admit(Object value) {
            return value instanceof Number n && !contains(n.doubleValue()) ? Optional.empty() : Optional.of(value);
        }

        /**
         * Checks a value a trainer was given.
         *
         * @param what the value, as the message names it, e.g. {@code dropout}
         * @throws TrainersException {@code WHAT must be in [0, 1), got 1.0} when it is outside
         */
        public double require(String what, double v) {
            if (!contains(v)) {
                throw new TrainersException(what + " must be " + describe() + ", got " + v);
            }
            return v;
        }

        @Override
        public String describe() {
            if (high == Double.POSITIVE_INFINITY) {
                return (lowIncluded ? ">= " : "> ") + Hyperparameter.show(low);
            }
            return "in " + (lowIncluded ? "[" : "(") + Hyperparameter.show(low) + ", " + Hyperparameter.show(high)
                    + (highIncluded ? "]" : ")");
        }
    }
}
