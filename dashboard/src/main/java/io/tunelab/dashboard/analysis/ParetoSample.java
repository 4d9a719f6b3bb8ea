package io.tunelab.dashboard.analysis;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.ParetoSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the study page's Pareto chart draws of a study with several objectives, whatever its size: the exact Pareto front
 * over every trial ({@link ParetoSet}: non-dominated feasible COMPLETE trials), and at most {@code cap} each of the
 * dominated feasible trials and of the infeasible ones (COMPLETE trials that violate a constraint), evenly spaced by
 * number, with how many there are of each. Only trials with a finite value for every objective are drawn. Stateless.
 */
public final class ParetoSample {
    /**
     * @param front           the Pareto front, by number (never sampled)
     * @param dominated       at most {@code cap} of the dominated feasible trials, by number
     * @param dominatedCount  how many dominated feasible trials there are
     * @param infeasible      at most {@code cap} of the infeasible trials, by number
     * @param infeasibleCount how many infeasible trials there are
     */
    public record Result(List<FrozenTrial> front, List<FrozenTrial> dominated, int dominatedCount, List<FrozenTrial> infeasible,
                         int infeasibleCount) {
    }

    private ParetoSample() {
    }

    /** The front of {@code trials} (ordered by number) under {@code directions}, and at most {@code cap} (at least 1) of the rest. */
    public static Result of(List<FrozenTrial> trials, List<Direction> directions, int cap) {
        if (cap < 1) {
            throw new IllegalArgumentException("cap must be at least 1, got " + cap);
        }
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial t : ParetoSet.of(trials, directions)) {
            if (finite(t)) {
                front.add(t);
            }
        }
        Set<Integer> onFront = new HashSet<>();
        front.forEach(t -> onFront.add(t.number()));
        List<FrozenTrial> dominated = new ArrayList<>();
        List<FrozenTrial> infeasible = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() == directions.size() && finite(t) && !onFront.contains(t.number())) {
                (Constraints.holds(t) ? dominated : infeasible).add(t);
            }
        }
        return new Result(front, spread(dominated, cap), dominated.size(), spread(infeasible, cap), infeasible.size());
    }

    private static boolean finite(FrozenTrial t) {
        return t.values().stream().allMatch(Double::isFinite);
    }

    /** At most {@code cap} of {@code trials}, evenly spaced, in their order. */
    private static List<FrozenTrial> spread(List<FrozenTrial> trials, int cap) {
        if (trials.size() <= cap) {
            return trials;
        }
        List<FrozenTrial> out = new ArrayList<>(cap);
        for (int i = 0; i < cap; i++) {
            out.add(trials.get((int) ((long) i * trials.size() / cap)));
        }
        return out;
    }
}
