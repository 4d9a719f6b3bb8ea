package io.tunelab.spec;

import java.util.Objects;

/**
 * One entry of a study file's {@code constraints}: a metric the trainer reports (or a numeric user
 * attribute it sets) whose final value must stay within a bound. {@code cv_std} alone means
 * {@code cv_std <= 0} (Optuna's convention); {@code 'cv_std <= 0.05'} and {@code 'val_accuracy >= 0.8'}
 * name the bound. A trial is feasible when every constraint holds; an infeasible trial is never a best
 * trial or on a Pareto front. Immutable.
 *
 * @param metric the metric or user attribute read after the trial ends (its last logged value)
 * @param bound  whether the value must be at most or at least {@code limit}
 * @param limit  the bound, a finite number
 */
public record ConstraintSpec(String metric, Bound bound, double limit) {
    /** Which side of the limit the value must stay on. */
    public enum Bound {
        AT_MOST("<="), AT_LEAST(">=");

        private final String symbol;

        Bound(String symbol) {
            this.symbol = symbol;
        }

        /** {@code <=} or {@code >=}. */
        public String symbol() {
            return symbol;
        }
    }

    public ConstraintSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(bound, "bound");
        if (!Double.isFinite(limit)) {
            throw new IllegalArgumentException("constraint limit must be a finite number, got " + limit);
        }
    }

    /** {@code metric <= 0}: the plain form of a constraint. */
    public static ConstraintSpec atMostZero(String metric) {
        return new ConstraintSpec(metric, Bound.AT_MOST, 0);
    }

    /**
     * The constraint value stored with the trial for {@code metricValue}: at most 0 when the constraint
     * holds, else the amount by which it is violated (positive). NaN, which no bound admits, is violated by
     * an infinite amount.
     */
    public double value(double metricValue) {
        if (Double.isNaN(metricValue)) {
            return Double.POSITIVE_INFINITY;
        }
        return bound == Bound.AT_MOST ? metricValue - limit : limit - metricValue;
    }

    /** As written in a study file: {@code name <= limit} or {@code name >= limit}. */
    @Override
    public String toString() {
        return metric + " " + bound.symbol() + " " + (limit == Math.rint(limit) && Math.abs(limit) < 1e15
                ? String.valueOf((long) limit) : String.valueOf(limit));
    }
}
