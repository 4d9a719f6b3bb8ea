package io.tunelab.search.importance;

import java.util.Arrays;
import java.util.List;

/**
 * The fANOVA main-effect decomposition of one regression tree over the unit cube: for feature {@code j},
 * the marginal {@code a_j(x) = Σ_leaves value · vol_{-j}(leaf) · [x ∈ leaf_j]} is piecewise constant
 * between the tree's split points on {@code j}; its variance (weighted by interval width) divided by the
 * tree's total variance is {@code j}'s share. Difference arrays keep it {@code O(L log L)} per feature.
 */
final class MarginalVariance {
    private MarginalVariance() {
    }

    /** Each feature's share of the tree's variance, or null for a constant tree. */
    static double[] shares(List<RegressionTree.Leaf> leaves, int d) {
        double mean = 0;
        double[] volume = new double[leaves.size()];
        for (int l = 0; l < leaves.size(); l++) {
            RegressionTree.Leaf leaf = leaves.get(l);
            double v = 1;
            for (int f = 0; f < d; f++) {
                v *= leaf.high()[f] - leaf.low()[f];
            }
            volume[l] = v;
            mean += v * leaf.value();
        }
        double variance = 0;
        for (int l = 0; l < leaves.size(); l++) {
            double diff = leaves.get(l).value() - mean;
            variance += volume[l] * diff * diff;
        }
        if (!(variance > 1e-300)) {
            return null;
        }
        double[] out = new double[d];
        for (int f = 0; f < d; f++) {
            out[f] = mainEffect(leaves, f, d, mean) / variance;
        }
        return out;
    }

    private static double mainEffect(List<RegressionTree.Leaf> leaves, int j, int d, double mean) {
        double[] cuts = new double[2 * leaves.size()];
        int n = 0;
        for (RegressionTree.Leaf leaf : leaves) {
            cuts[n++] = leaf.low()[j];
            cuts[n++] = leaf.high()[j];
        }
        double[] points = Arrays.stream(cuts, 0, n).sorted().distinct().toArray();
        double[] delta = new double[points.length];
        for (RegressionTree.Leaf leaf : leaves) {
            double others = 1;
            for (int f = 0; f < d; f++) {
                if (f != j) {
                    others *= leaf.high()[f] - leaf.low()[f];
                }
            }
            double contribution = leaf.value() * others;
            delta[Arrays.binarySearch(points, leaf.low()[j])] += contribution;
            delta[Arrays.binarySearch(points, leaf.high()[j])] -= contribution;
        }
        double effect = 0;
        double running = 0;
        for (int k = 0; k + 1 < points.length; k++) {
            running += delta[k];
            double diff = running - mean;
            effect += (points[k + 1] - points[k]) * diff * diff;
        }
        return effect;
    }
}
