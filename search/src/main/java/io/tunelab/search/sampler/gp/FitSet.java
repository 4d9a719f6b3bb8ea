package io.tunelab.search.sampler.gp;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the observations a GP is fitted on: all of them up to the cap; past it, the best half
 * (feasible first, by loss) and the most recent rest, since the fit costs O(n³). Stateless.
 */
final class FitSet {
    private FitSet() {
    }

    /** The chosen trials, in trial-number order. */
    static List<FrozenTrial> choose(List<FrozenTrial> complete, Direction direction, int cap) {
        if (complete.size() <= cap) {
            return complete;
        }
        List<FrozenTrial> byQuality = new ArrayList<>(complete);
        byQuality.sort(Comparator.<FrozenTrial>comparingDouble(Constraints::violation)
                .thenComparingDouble(t -> direction.asLoss(t.value())));
        Set<FrozenTrial> chosen = new LinkedHashSet<>(byQuality.subList(0, cap / 2));
        for (int i = complete.size() - 1; i >= 0 && chosen.size() < cap; i--) {
            chosen.add(complete.get(i));
        }
        List<FrozenTrial> out = new ArrayList<>(chosen);
        out.sort(Comparator.comparingInt(FrozenTrial::number));
        return out;
    }
}
