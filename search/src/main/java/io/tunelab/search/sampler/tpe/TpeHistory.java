package io.tunelab.search.sampler.tpe;

import io.tunelab.search.SearchException;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The observations TPE learns from, ranked once per asking trial from best to worst: feasible COMPLETE
 * trials by loss, then infeasible COMPLETE trials by total constraint violation, then PRUNED trials by
 * how far they got (later step first) and their last reported value. With the constant liar, RUNNING
 * trials other than the asking one are kept apart and always join the bad group. Immutable.
 */
final class TpeHistory {
    private final List<FrozenTrial> ranked;
    private final List<Boolean> feasible;
    private final List<FrozenTrial> running;

    private TpeHistory(List<FrozenTrial> ranked, List<Boolean> feasible, List<FrozenTrial> running) {
        this.ranked = ranked;
        this.feasible = feasible;
        this.running = running;
    }

    /** The good and bad groups of a split, each ordered by trial number (oldest first). */
    record Split(List<FrozenTrial> below, List<FrozenTrial> above) {
    }

    private record Ranked(FrozenTrial trial, int kind, double primary, double secondary) {
    }

    /** Reads and ranks the study's history as seen by trial {@code current}. */
    static TpeHistory read(StudyView study, FrozenTrial current, boolean constantLiar) {
        if (study.isMultiObjective()) {
            throw new SearchException("TPE sampler supports single-objective studies; study '" + study.name()
                    + "' has " + study.directions().size() + " objectives (use NSGA-II)");
        }
        Direction direction = study.direction();
        EnumSet<TrialState> states = constantLiar
                ? EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.RUNNING)
                : EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED);
        List<Ranked> rows = new ArrayList<>();
        List<FrozenTrial> running = new ArrayList<>();
        for (FrozenTrial t : study.trials(states)) {
            if (t.state() == TrialState.RUNNING) {
                if (t.number() != current.number()) {
                    running.add(t);
                }
            } else if (t.state() == TrialState.COMPLETE) {
                double violation = Constraints.violation(t);
                double loss = direction.asLoss(t.value());
                rows.add(violation > 0 ? new Ranked(t, 1, violation, loss) : new Ranked(t, 0, loss, 0));
            } else {
                Map.Entry<Integer, Double> last = t.lastIntermediate().orElse(null);
                rows.add(last == null
                        ? new Ranked(t, 3, 0, 0)
                        : new Ranked(t, 2, -last.getKey(), direction.asLoss(last.getValue())));
            }
        }
        rows.sort(Comparator.comparingInt(Ranked::kind).thenComparingDouble(Ranked::primary)
                .thenComparingDouble(Ranked::secondary).thenComparingInt(r -> r.trial().number()));
        List<FrozenTrial> ranked = new ArrayList<>(rows.size());
        List<Boolean> feasible = new ArrayList<>(rows.size());
        for (Ranked r : rows) {
            ranked.add(r.trial());
            feasible.add(r.kind() == 0);
        }
        return new TpeHistory(List.copyOf(ranked), List.copyOf(feasible), List.copyOf(running));
    }

    /** Number of COMPLETE and PRUNED trials. */
    int observed() {
        return ranked.size();
    }

    /**
     * Splits the observations that satisfy {@code has} (hold the parameters being modelled) into the
     * good group, the best {@code options.nBelow(n)} of them but never an infeasible trial while a
     * feasible one exists, and the bad group, the rest plus (with the liar) the running trials.
     */
    Split split(Predicate<FrozenTrial> has, TpeOptions options) {
        List<FrozenTrial> eligible = new ArrayList<>();
        int feasibleCount = 0;
        for (int i = 0; i < ranked.size(); i++) {
            FrozenTrial t = ranked.get(i);
            if (has.test(t)) {
                eligible.add(t);
                if (feasible.get(i)) {
                    feasibleCount++;
                }
            }
        }
        int nBelow = options.nBelow(eligible.size());
        if (feasibleCount > 0) {
            nBelow = Math.min(nBelow, feasibleCount);
        }
        List<FrozenTrial> below = new ArrayList<>(eligible.subList(0, nBelow));
        List<FrozenTrial> above = new ArrayList<>(eligible.subList(nBelow, eligible.size()));
        for (FrozenTrial t : running) {
            if (has.test(t)) {
                above.add(t);
            }
        }
        Comparator<FrozenTrial> byNumber = Comparator.comparingInt(FrozenTrial::number);
        below.sort(byNumber);
        above.sort(byNumber);
        return new Split(below, above);
    }
}
