package io.tunelab.search.trial;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * The first fronts of a non-dominated sorting of {@code losses} (all objectives minimised), as many as it takes to
     * rank at least {@code count} vectors: each vector's front as {@link #ranks} gives it, or -1 for a vector of a
     * later front. Fronts are peeled off one at a time from the vectors sorted once in lexicographic order, where a
     * vector's dominators all come before it: a vector joins the front being peeled unless one of its members dominates
     * it. With two objectives that check is one comparison with the front's best second objective so far, O(n log n)
     * in all; with more it takes one dominance test per member, O(m n f) per front of f members. A selection of a few
     * dozen vectors from a large history (MOTPE's good group) thus never pays for sorting every vector.
     */
    public static int[] firstFronts(double[][] losses, int count) {
        int n = losses.length;
        int[] rank = new int[n];
        Arrays.fill(rank, -1);
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Arrays.compare(losses[a], losses[b]));
        int[] left = new int[n];
        for (int i = 0; i < n; i++) {
            left[i] = boxed[i];
        }
        int remaining = n;
        int ranked = 0;
        for (int r = 0; ranked < Math.min(count, n); r++) {
            int kept = 0;
            int members = 0;
            int[] front = new int[remaining];
            for (int k = 0; k < remaining; k++) {
                int i = left[k];
                if (dominatedByFront(losses, i, front, members)) {
                    left[kept++] = i;
                } else {
                    front[members++] = i;
                    rank[i] = r;
                }
            }
            ranked += members;
            remaining = kept;
        }
        return rank;
    }

    /**
     * Whether a member of {@code front} (its first {@code members} entries, added in lexicographic order, all before
     * {@code i}) dominates vector {@code i}. With two objectives the members' second objectives only decrease, and one
     * member before {@code i} dominates it unless its second objective is larger, or equal with an equal first (a
     * duplicate, which does not dominate).
     */
    private static boolean dominatedByFront(double[][] losses, int i, int[] front, int members) {
        if (members == 0) {
            return false;
        }
        double[] p = losses[i];
        if (p.length == 2) {
            double[] last = losses[front[members - 1]];
            return last[1] < p[1] || last[1] == p[1] && last[0] < p[0];
        }
        for (int k = 0; k < members; k++) {
            if (dominates(losses[front[k]], p)) {
                return true;
            }
        }
        return false;
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
