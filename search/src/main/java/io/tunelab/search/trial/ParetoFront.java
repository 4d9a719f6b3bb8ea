package io.tunelab.search.trial;

import java.util.ArrayList;
import java.util.List;

/**
 * Pareto dominance over objective values, honouring each objective's direction, and non-dominated sorting (Deb et
 * al. 2002) of loss vectors. Stateless.
 */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** Whether {@code a} is at least as good as {@code b} everywhere and strictly better somewhere. */
    public static boolean dominates(List<Double> a, List<Double> b, List<Direction> directions) {
        double[] x = new double[directions.size()];
        double[] y = new double[directions.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = directions.get(i).asLoss(a.get(i));
            y[i] = directions.get(i).asLoss(b.get(i));
        }
        return dominates(x, y);
    }

    /** Whether loss vector {@code a} (all objectives minimised) dominates {@code b}. */
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

    /**
     * Non-dominated sorting of {@code losses} (all objectives minimised): each vector's front, 0 for the vectors no
     * other dominates, 1 for those only vectors of front 0 dominate, and so on. Deb et al.'s fast non-dominated
     * sort, O(m n^2).
     */
    public static int[] ranks(double[][] losses) {
        int n = losses.length;
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominating = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            dominating.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(losses[i], losses[j])) {
                    dominating.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(losses[j], losses[i])) {
                    dominating.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        int[] rank = new int[n];
        List<Integer> front = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                front.add(i);
            }
        }
        for (int r = 0; !front.isEmpty(); r++) {
            List<Integer> next = new ArrayList<>();
            for (int i : front) {
                rank[i] = r;
                for (int j : dominating.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            front = next;
        }
        return rank;
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
