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
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == directions.size() && Constraints.holds(t)) {
                complete.add(t);
            }
        }
        complete.sort(lexicographic(directions));
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial candidate : complete) {
            boolean dominated = false;
            for (FrozenTrial member : front) {
                if (ParetoFront.dominates(member.values(), candidate.values(), directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(candidate);
            }
        }
        front.sort(Comparator.comparingInt(FrozenTrial::number));
        return List.copyOf(front);
    }

    private static Comparator<FrozenTrial> lexicographic(List<Direction> directions) {
        return (a, b) -> {
            for (int i = 0; i < directions.size(); i++) {
                int c = Double.compare(directions.get(i).asLoss(a.values().get(i)),
                        directions.get(i).asLoss(b.values().get(i)));
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(a.number(), b.number());
        };
    }
}
