package io.tunelab.search.trial;

import io.tunelab.search.SearchException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The constraint convention: an objective reports constraint values with
 * {@link Trial#setConstraints(double...)}, stored as the user attribute {@value #USER_ATTR} (a list of
 * numbers). A value {@code <= 0} means the constraint holds; a positive value is the amount by which
 * it is violated (as in Optuna). A trial without the attribute counts as feasible.
 *
 * <p>Constraint-aware samplers (TPE, GP, NSGA-II) never treat an infeasible trial as the best one
 * while a feasible one exists, and an infeasible trial is never a best trial or on a Pareto front
 * ({@link #feasible}). Stateless; thread-safe.
 */
public final class Constraints {
    /** The user attribute holding the constraint values. */
    public static final String USER_ATTR = "constraints";

    private Constraints() {
    }

    /** The trial's constraint values, empty when it reported none; throws if the attribute is malformed. */
    public static double[] of(FrozenTrial trial) {
        Object raw = trial.userAttrs().get(USER_ATTR);
        if (raw == null) {
            return new double[0];
        }
        if (!(raw instanceof List<?> list)) {
            throw new SearchException("trial " + trial.number() + ": user attribute '" + USER_ATTR
                    + "' must be a list of numbers, got " + raw);
        }
        double[] values = new double[list.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(list.get(i) instanceof Number n) || Double.isNaN(n.doubleValue())) {
                throw new SearchException("trial " + trial.number() + ": constraint " + i
                        + " must be a number, got " + list.get(i));
            }
            values[i] = n.doubleValue();
        }
        return values;
    }

    /** The total violation: the sum of the positive constraint values (0 for a feasible trial). */
    public static double violation(FrozenTrial trial) {
        double sum = 0;
        for (double c : of(trial)) {
            sum += Math.max(0, c);
        }
        return sum;
    }

    /** Whether every constraint holds (true when the trial reported none). */
    public static boolean isFeasible(FrozenTrial trial) {
        return violation(trial) == 0;
    }

    /**
     * The trials whose constraints all hold, in their order: the only candidates for "best" and for a
     * Pareto front. A trial whose attribute is malformed counts as infeasible (it cannot be shown to hold).
     */
    public static List<FrozenTrial> feasible(List<FrozenTrial> trials) {
        List<FrozenTrial> out = new ArrayList<>(trials.size());
        for (FrozenTrial t : trials) {
            if (holds(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The first trial, in {@code trials}' order, with the best value in {@code direction} among those
     * whose constraints hold; empty when none does. The trials are COMPLETE single-objective ones.
     */
    public static Optional<FrozenTrial> bestFeasible(List<FrozenTrial> trials, Direction direction) {
        FrozenTrial best = null;
        for (FrozenTrial t : trials) {
            if (holds(t) && (best == null || direction.better(t.value(), best.value()))) {
                best = t;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether every constraint of the trial holds; false, not an exception, when its attribute is malformed. */
    public static boolean holds(FrozenTrial trial) {
        try {
            return isFeasible(trial);
        } catch (SearchException e) {
            return false;
        }
    }

    /** The values as the list stored in the user attribute; rejects NaN. */
    public static List<Double> asAttribute(double... values) {
        List<Double> list = new ArrayList<>(values.length);
        for (int i = 0; i < values.length; i++) {
            if (Double.isNaN(values[i])) {
                throw new SearchException("constraint " + i + " must be a number, got NaN");
            }
            list.add(values[i]);
        }
        return List.copyOf(list);
    }
}
