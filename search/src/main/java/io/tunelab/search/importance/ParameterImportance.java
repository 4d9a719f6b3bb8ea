package io.tunelab.search.importance;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Parameter importance by functional ANOVA over a random forest ("fANOVA", Hutter, Hoos and
 * Leyton-Brown, "An Efficient Approach for Assessing Hyperparameter Importance", ICML 2014): a forest
 * of CART trees (Breiman, "Random Forests", 2001) is fitted to the objective, and for each tree the
 * variance of each parameter's marginal prediction (averaged over all other parameters, uniformly over
 * the search space) is divided by the tree's total variance. The averages over trees, normalised to sum
 * to 1, are the importances. Only main effects are computed, with difference arrays over each tree's
 * split points. A study larger than {@code maxTrials} is read through a seeded sample of that many of its usable trials
 * (drawn without replacement before anything else is computed), so the cost is bounded whatever the study's size and
 * the answer says from how many trials it comes. A study smaller than two leaves of {@code minLeaf} trials grows its
 * trees with leaves of half its trials (at least one), as Optuna's forest (leaves of one trial) would, rather than
 * trees that cannot split; when no tree finds a split (every value the same) the answer has no importances and a note
 * saying why, never a column of zeros. Deterministic for a given seed; thread-safe.
 */
public final class ParameterImportance {
    /** The method's name as shown to users. */
    public static final String METHOD = "fANOVA (random forest, main effects)";

    private final int trees;
    private final int sampleSize;
    private final int maxDepth;
    private final int minLeaf;
    private final int maxTrials;

    /** Trials read at most by default. */
    public static final int MAX_TRIALS = 5000;

    /** The seed the dashboard and {@link ParamImportances} use, so that both give the same answer for the same trials. */
    public static final long SEED = 20140621L;

    /** One parameter's share of the explained variance. */
    public record Entry(String param, double importance) {
    }

    /**
     * The importances, largest first.
     *
     * @param trials the usable trials (COMPLETE, with a finite value)
     * @param sample how many distinct trials of them the trees' bootstrap samples drew: at most {@code maxTrials}, and
     *               the trees are fitted on at most {@code trees × sampleSize} draws, so of a large study only a sample
     *               is read (a page says "from {@code sample} of {@code trials} trials")
     * @param note   why there are no importances (too few trials, values that do not vary), or null when there are
     */
    public record Result(String method, int trials, int sample, List<Entry> importances, String note) {
        public Result {
            importances = List.copyOf(importances);
        }
    }

    /** A forest of 32 trees, each fitted on a bootstrap sample of at most 2,048 of at most {@link #MAX_TRIALS} trials. */
    public ParameterImportance() {
        this(32, 2048, 10, 3, MAX_TRIALS);
    }

    /** @param maxTrials usable trials read at most (a seeded sample of a larger study); at least 2 */
    public ParameterImportance(int trees, int sampleSize, int maxDepth, int minLeaf, int maxTrials) {
        if (maxTrials < 2) {
            throw new ImportanceException("maxTrials must be at least 2, got " + maxTrials);
        }
        this.trees = trees;
        this.sampleSize = sampleSize;
        this.maxDepth = maxDepth;
        this.minLeaf = minLeaf;
        this.maxTrials = maxTrials;
    }

    /**
     * Importances of the parameters of the COMPLETE trials for objective {@code objective} (lower loss or
     * higher value, as {@code direction} says; non-finite values are skipped). Empty with fewer than 2
     * usable trials.
     */
    public Result compute(List<FrozenTrial> trials, int objective, Direction direction, SplittableRandom random) {
        return compute(trials, objective, direction, random, List.of());
    }

    /**
     * {@link #compute(List, int, Direction, SplittableRandom)} of the parameters {@code params} only, as Optuna's
     * {@code params} argument: the other parameters are left out and so are the trials that lack one of these
     * (usable trials are those that have them all). Empty {@code params}: every parameter.
     */
    public Result compute(List<FrozenTrial> trials, int objective, Direction direction, SplittableRandom random,
                          List<String> params) {
        List<FrozenTrial> usable = new ArrayList<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.values().size() > objective
                    && Double.isFinite(t.values().get(objective)) && t.params().keySet().containsAll(params)) {
                usable.add(t);
            }
        }
        int all = usable.size();
        usable = atMost(usable, maxTrials, random);
        FeatureMatrix features = FeatureMatrix.of(usable, params);
        int d = features.names().size();
        if (usable.size() < 2 || d == 0) {
            return new Result(METHOD, all, usable.size(), List.of(), usable.size() < 2
                    ? "too few trials: " + all + " complete with a finite value, need at least 2" : "no parameters to rank");
        }
        double[] y = usable.stream().mapToDouble(t -> direction.asLoss(t.values().get(objective))).toArray();
        double[] sums = new double[d];
        int counted = 0;
        int m = Math.min(sampleSize, usable.size());
        int leaf = m >= 2 * minLeaf ? minLeaf : Math.max(1, m / 2);
        boolean[] drawn = new boolean[usable.size()];
        int sample = 0;
        for (int k = 0; k < trees; k++) {
            double[][] xs = new double[m][];
            double[] ys = new double[m];
            for (int i = 0; i < m; i++) {
                int pick = random.nextInt(usable.size());
                sample += drawn[pick] ? 0 : 1;
                drawn[pick] = true;
                xs[i] = features.rows()[pick];
                ys[i] = y[pick];
            }
            double[] shares = MarginalVariance.shares(RegressionTree.grow(xs, ys, maxDepth, leaf), d);
            if (shares != null) {
                for (int f = 0; f < d; f++) {
                    sums[f] += shares[f];
                }
                counted++;
            }
        }
        double total = Arrays.stream(sums).sum();
        if (counted == 0 || !(total > 0)) {
            return new Result(METHOD, all, sample, List.of(), "no parameter explains the value: it does not vary across"
                    + " the " + usable.size() + " trials read, or no split of them separates different values");
        }
        List<Entry> entries = new ArrayList<>();
        for (int f = 0; f < d; f++) {
            entries.add(new Entry(features.names().get(f), sums[f] / total));
        }
        entries.sort(Comparator.comparingDouble(Entry::importance).reversed().thenComparing(Entry::param));
        return new Result(METHOD, all, sample, entries, null);
    }

    /** {@code cap} of {@code trials} drawn without replacement (a partial shuffle of their positions), in their order; all if they fit. */
    private static List<FrozenTrial> atMost(List<FrozenTrial> trials, int cap, SplittableRandom random) {
        if (trials.size() <= cap) {
            return trials;
        }
        int[] positions = new int[trials.size()];
        Arrays.setAll(positions, i -> i);
        for (int i = 0; i < cap; i++) {
            int j = i + random.nextInt(positions.length - i);
            int swap = positions[i];
            positions[i] = positions[j];
            positions[j] = swap;
        }
        int[] chosen = Arrays.copyOf(positions, cap);
        Arrays.sort(chosen);
        List<FrozenTrial> out = new ArrayList<>(cap);
        for (int i : chosen) {
            out.add(trials.get(i));
        }
        return out;
    }
}
