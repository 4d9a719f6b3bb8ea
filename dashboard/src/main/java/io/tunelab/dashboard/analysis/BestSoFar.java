package io.tunelab.dashboard.analysis;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.List;

/**
 * The optimisation history's best-so-far line for one objective, as a step line: a point where the best
 * value changes and one at the last counted trial, so a study of 100,000 trials sends a few dozen points
 * instead of one per trial. Counts COMPLETE trials with a finite value that hold their constraints
 * ({@link Constraints#holds}); failed, pruned, running and infeasible trials never move the line.
 * Stateless.
 */
public final class BestSoFar {
    private BestSoFar() {
    }

    /**
     * {@code [number, best]} pairs by trial number: the first is the first counted trial, each next one
     * the trial that improved on the best, and the last the last counted trial (with the best so far).
     * Empty when no trial counts.
     *
     * @param trials    the study's trials, ordered by number
     * @param objective which value of the trials
     */
    public static List<List<Number>> of(List<FrozenTrial> trials, int objective, Direction direction) {
        List<List<Number>> line = new ArrayList<>();
        double best = Double.NaN;
        int last = -1;
        for (FrozenTrial t : trials) {
            if (t.state() != TrialState.COMPLETE || t.values().size() <= objective || !Double.isFinite(t.values().get(objective))
                    || !Constraints.holds(t)) {
                continue;
            }
            double v = t.values().get(objective);
            if (Double.isNaN(best) || direction.better(v, best)) {
                best = v;
                line.add(List.of(t.number(), v));
            }
            last = t.number();
        }
        if (last >= 0 && (int) line.get(line.size() - 1).get(0) != last) {
            line.add(List.of(last, best));
        }
        return line;
    }
}
