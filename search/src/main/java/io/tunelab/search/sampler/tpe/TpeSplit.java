package io.tunelab.search.sampler.tpe;

import io.tunelab.search.trial.FrozenTrial;
import java.util.Arrays;
import java.util.List;

/**
 * The good group (below) and the bad group (above) of one decision, as primitive columns. The
 * observations that hold every parameter being modelled are split: the best {@code
 * options.nBelow(n)} of them are good, but never an infeasible trial while a feasible one exists; the
 * rest are bad, and so are (with the constant liar) the running trials that hold the parameters.
 * Each group is ordered by trial number, oldest first, so that weights can favour recent trials. With several
 * objectives the best are chosen among the feasible COMPLETE observations by {@link ParetoSelection}, which also
 * weighs them, and PRUNED trials are left out of both groups, as in Optuna 3.1's MOTPE: a pruned trial has no
 * objective vector to rank (at most one intermediate value), and counting it in the bad group would steer
 * proposals away from wherever a pruner stopped trials early, which is not where the front is worse.
 *
 * @param below        the good group
 * @param above        the bad group
 * @param paretoWeights with several objectives, the good group's observation weights ({@link
 *                     ParetoSelection#weights}; {@value ParetoSelection#EPS} for an infeasible one, 1 for each when none
 *                     is feasible), without the prior's; null with one objective
 */
record TpeSplit(Group below, Group above, double[] paretoWeights) {

    /**
     * MOTPE's selection among some feasible COMPLETE observations of a log, kept by the log ({@link
     * ObservationLog#pareto}) until it changes: every decision of an ask that models the same observations (each
     * parameter of a univariate decision, each group) reuses it instead of sorting and weighing them again.
     *
     * @param candidates the positions selected from, ascending
     * @param count      how many were selected
     * @param good       the positions selected, ascending
     * @param weights    their {@link ParetoSelection#weights}, in position order
     */
    record Pareto(int[] candidates, int count, int[] good, double[] weights) {
        boolean selects(int[] from, int size) {
            return count == size && Arrays.equals(candidates, from);
        }
    }

    /**
     * One group's observations.
     *
     * @param values per parameter, the values of the group's observations (oldest first)
     * @param orders per parameter, the indices of {@code values} in ascending (value, index) order,
     *               or null where not precomputed
     * @param losses per observation, its loss if it is a feasible COMPLETE trial, NaN otherwise
     */
    record Group(double[][] values, int[][] orders, double[] losses) {
        int size() {
            return losses.length;
        }
    }

    /**
     * {@link Weights#improvement} weights for the good group, measured against the best feasible
     * loss of the bad group; null when the bad group has none.
     */
    double[] improvementWeights(double priorWeight) {
        double threshold = Double.POSITIVE_INFINITY;
        for (double loss : above.losses()) {
            if (loss < threshold) {
                threshold = loss;
            }
        }
        return Weights.improvement(below.losses(), threshold, priorWeight);
    }

    /**
     * Splits the observations of {@code log} for the parameters of {@code columns}; {@code running}
     * are trials (ordered by number) that join the bad group. Call while holding the log's lock;
     * the result shares nothing with the log.
     */
    static TpeSplit of(ObservationLog log, ObservationColumn[] columns, List<FrozenTrial> running, TpeOptions options) {
        return of(log, columns, running, options, free(columns.length), null);
    }

    /** A {@code given} of {@code p} parameters that fixes none of them. */
    static double[] free(int p) {
        double[] free = new double[p];
        Arrays.fill(free, Double.NaN);
        return free;
    }

    /**
     * As {@link #of(ObservationLog, ObservationColumn[], List, TpeOptions)}, over only the
     * observations whose value of parameter {@code j} equals {@code given[j]} wherever that is not NaN
     * (a branch of the space: the trials that made the same categorical choices), and, when {@code seen} is not
     * null, only those of the trials numbered in {@code seen} (ascending: the log's trials when a trial's view was
     * made, so that a decision taken later, after the log absorbed more trials, is the one the view gives).
     */
    static TpeSplit of(ObservationLog log, ObservationColumn[] columns, List<FrozenTrial> running, TpeOptions options,
                       double[] given, int[] seen) {
        int n = log.size();
        int p = columns.length;
        boolean[] eligible = new boolean[n];
        int eligibleCount = 0;
        int feasibleCount = 0;
        int s = 0;
        boolean pareto = log.directions().size() > 1;
        for (int pos = 0; pos < n; pos++) {
            if (pareto && log.pruned(pos)) {
                continue;
            }
            if (seen != null) {
                while (s < seen.length && seen[s] < log.number(pos)) {
                    s++;
                }
                if (s == seen.length || seen[s] != log.number(pos)) {
                    continue;
                }
            }
            boolean holds = true;
            for (int j = 0; j < p; j++) {
                double v = columns[j].value(pos);
                holds &= !Double.isNaN(v) && (Double.isNaN(given[j]) || v == given[j]);
            }
            if (holds) {
                eligible[pos] = true;
                eligibleCount++;
                if (log.feasible(pos)) {
                    feasibleCount++;
                }
            }
        }
        int nBelow = options.nBelow(eligibleCount);
        if (feasibleCount > 0) {
            nBelow = Math.min(nBelow, feasibleCount);
        }
        boolean[] below = new boolean[n];
        Pareto selection = null;
        if (pareto && feasibleCount > 0) {
            selection = select(log, eligible, feasibleCount, nBelow);
            for (int pos : selection.good()) {
                below[pos] = true;
            }
        } else {
            int[] rank = log.rank();
            for (int i = 0, taken = 0; i < n && taken < nBelow; i++) {
                if (eligible[rank[i]]) {
                    below[rank[i]] = true;
                    taken++;
                }
            }
        }
        double[][] runningValues = new double[p][running.size()];
        int[] runningNumbers = new int[running.size()];
        int runningCount = 0;
        for (FrozenTrial t : running) {
            runningNumbers[runningCount] = t.number();
            boolean holds = true;
            for (int j = 0; j < p; j++) {
                double v = columns[j].valueOf(t);
                runningValues[j][runningCount] = v;
                holds &= !Double.isNaN(v) && (Double.isNaN(given[j]) || v == given[j]);
            }
            if (holds) {
                runningCount++;
            }
        }
        Builder good = new Builder(p, nBelow);
        Builder bad = new Builder(p, eligibleCount - nBelow + runningCount);
        int[] indexInBad = new int[n];
        int r = 0;
        for (int pos = 0; pos < n; pos++) {
            while (r < runningCount && runningNumbers[r] < log.number(pos)) {
                bad.add(runningValues, r, Double.NaN);
                r++;
            }
            if (!eligible[pos]) {
                continue;
            }
            double loss = log.feasible(pos) ? log.loss(pos) : Double.NaN;
            if (below[pos]) {
                good.add(columns, pos, loss);
            } else {
                indexInBad[pos] = bad.size;
                bad.add(columns, pos, loss);
            }
        }
        for (; r < runningCount; r++) {
            bad.add(runningValues, r, Double.NaN);
        }
        int[][] badOrders = new int[p][];
        if (runningCount == 0 && (!options.multivariate() || options.neighbourBandwidths())) {
            for (int j = 0; j < p; j++) {
                badOrders[j] = orderOf(columns[j], eligible, below, indexInBad, bad.size);
            }
        }
        double[] paretoWeights = selection != null ? selection.weights().clone()
                : pareto ? paretoWeights(log, below, nBelow) : null;
        return new TpeSplit(good.build(new int[p][]), bad.build(badOrders), paretoWeights);
    }

    /**
     * The good {@code count} of the {@code feasible} eligible feasible observations, and their weights: the log's
     * last selection when it selected the same count from the same observations, else a new one, which the log keeps.
     */
    private static Pareto select(ObservationLog log, boolean[] eligible, int feasible, int count) {
        int[] candidates = new int[feasible];
        for (int pos = 0, k = 0; pos < eligible.length; pos++) {
            if (eligible[pos] && log.feasible(pos)) {
                candidates[k++] = pos;
            }
        }
        Pareto last = log.pareto();
        if (last != null && last.selects(candidates, count)) {
            return last;
        }
        boolean[] below = new boolean[eligible.length];
        int[] good = new int[count];
        int[] chosen = ParetoSelection.good(lossesAt(log, candidates), count);
        for (int k = 0; k < count; k++) {
            good[k] = candidates[chosen[k]];
            below[good[k]] = true;
        }
        Pareto selection = new Pareto(candidates, count, good, paretoWeights(log, below, count));
        log.remember(selection);
        return selection;
    }

    private static double[][] lossesAt(ObservationLog log, int[] positions) {
        double[][] losses = new double[positions.length][];
        for (int k = 0; k < positions.length; k++) {
            losses[k] = log.losses(positions[k]);
        }
        return losses;
    }

    /** The weights of the good group ({@code below} marks its positions), in position order. */
    private static double[] paretoWeights(ObservationLog log, boolean[] below, int size) {
        int[] good = new int[size];
        int feasible = 0;
        for (int pos = 0, k = 0; pos < below.length; pos++) {
            if (below[pos]) {
                good[k++] = pos;
                feasible += log.feasible(pos) ? 1 : 0;
            }
        }
        int[] feasiblePositions = new int[feasible];
        for (int k = 0, f = 0; k < size; k++) {
            if (log.feasible(good[k])) {
                feasiblePositions[f++] = good[k];
            }
        }
        double[] contributions = ParetoSelection.weights(lossesAt(log, feasiblePositions));
        double[] weights = new double[size];
        for (int k = 0, f = 0; k < size; k++) {
            // with no feasible trial at all, each weighs the same
            weights[k] = feasible == 0 ? 1 : log.feasible(good[k]) ? contributions[f++] : ParetoSelection.EPS;
        }
        return weights;
    }

    private static int[] orderOf(ObservationColumn column, boolean[] eligible, boolean[] below, int[] indexInBad,
                                 int badSize) {
        int[] order = new int[badSize];
        int[] sorted = column.sortedPositions();
        int k = 0;
        for (int i = 0; i < column.held(); i++) {
            int pos = sorted[i];
            if (eligible[pos] && !below[pos]) {
                order[k++] = indexInBad[pos];
            }
        }
        return order;
    }

    private static final class Builder {
        private final double[][] values;
        private final double[] losses;
        private int size;

        Builder(int params, int capacity) {
            values = new double[params][capacity];
            losses = new double[capacity];
        }

        void add(ObservationColumn[] columns, int pos, double loss) {
            for (int j = 0; j < columns.length; j++) {
                values[j][size] = columns[j].value(pos);
            }
            losses[size++] = loss;
        }

        void add(double[][] from, int index, double loss) {
            for (int j = 0; j < values.length; j++) {
                values[j][size] = from[j][index];
            }
            losses[size++] = loss;
        }

        Group build(int[][] orders) {
            double[][] exact = new double[values.length][];
            for (int j = 0; j < values.length; j++) {
                exact[j] = Arrays.copyOf(values[j], size);
            }
            return new Group(exact, orders, Arrays.copyOf(losses, size));
        }
    }
}
