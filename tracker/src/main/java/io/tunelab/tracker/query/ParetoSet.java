package io.tunelab.tracker.query;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.ParetoFront;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Pareto-optimal feasible COMPLETE trials of a study (a trial violating a constraint, see
 * {@link Constraints}, is neither on the front nor dominates anything on it), found in {@code O(n log n + n·f·m)} time for {@code n}
 * trials, {@code f} front members and {@code m} objectives (instead of comparing every pair): trials are
 * sorted lexicographically by their losses, so a trial can only be dominated by one sorted before it, and
 * by transitivity it is dominated by some earlier front member whenever it is dominated at all
 * (the sort-and-filter idea of Kung, Luccio and Preparata, 1975). Stateless and thread-safe.
 */
public final class ParetoSet {
    private ParetoSet() {
    }

    /** The non-dominated feasible COMPLETE trials with one value per direction, ordered by number. */
    public static List<FrozenTrial> of(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> complete = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == directions.size() && Constraints.holds(t)) {
                complete.add(t);
                double[] loss = new double[directions.size()];
                for (int i = 0; i < loss.length; i++) {
                    loss[i] = directions.get(i).asLoss(t.values().get(i));
                }
                losses.add(loss);
            }
        }
        List<FrozenTrial> front = new ArrayList<>();
        for (int i : frontIndices(losses)) {
            front.add(complete.get(i));
        }
        front.sort(Comparator.comparingInt(FrozenTrial::number));
        return List.copyOf(front);
    }

    /**
     * The indices of the non-dominated rows of {@code losses} (one array of losses per trial, smaller is
     * better, all of one length), in lexicographic order of their losses, ties by index: for callers that
     * hold values as arrays rather than trials. A row is dominated by another that is no worse in every
     * loss and better in one, as in {@link ParetoFront#dominates}.
     */
    public static int[] frontIndices(List<double[]> losses) {
        Integer[] order = new Integer[losses.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> {
            double[] x = losses.get(a);
            double[] y = losses.get(b);
            for (int k = 0; k < x.length; k++) {
                int c = Double.compare(x[k], y[k]);
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a, b);
        });
        List<Integer> front = new ArrayList<>();
        for (int candidate : order) {
            boolean dominated = false;
            for (int member : front) {
                if (dominates(losses.get(member), losses.get(candidate))) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        return front.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Whether losses {@code a} are no worse than {@code b} in every objective and better in one. */
    public static boolean dominates(double[] a, double[] b) {
        boolean strictly = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                strictly = true;
            }
        }
        return strictly;
    }
}
