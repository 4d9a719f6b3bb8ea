package io.tunelab.search.trial;

import java.util.ArrayList;
import java.util.List;

/** Pareto dominance over objective values, honouring each objective's direction. */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** Whether {@code a} is at least as good as {@code b} everywhere and strictly better somewhere. */
    public static boolean dominates(List<Double> a, List<Double> b, List<Direction> directions) {
        boolean strictly = false;
        for (int i = 0; i < directions.size(); i++) {
            double x = directions.get(i).asLoss(a.get(i));
            double y = directions.get(i).asLoss(b.get(i));
            if (x > y) {
                return false;
            }
            if (x < y) {
                strictly = true;
            }
        }
        return strictly;
    }

    /** The trials no other trial dominates, in their original order. */
    public static List<FrozenTrial> of(List<FrozenTrial> trials, List<Direction> directions) {
        List<FrozenTrial> front = new ArrayList<>();
        for (FrozenTrial t : trials) {
            boolean dominated = false;
            for (FrozenTrial other : trials) {
                if (other != t && dominates(other.values(), t.values(), directions)) {
                    dominated = true;
                    break;
                }
            }
            if (!dominated) {
                front.add(t);
            }
        }
        return front;
    }
}
