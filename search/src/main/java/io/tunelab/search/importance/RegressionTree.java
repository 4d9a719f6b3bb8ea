package io.tunelab.search.importance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CART regression tree (Breiman et al., 1984) grown by variance reduction on features scaled to
 * {@code [0, 1]}. Each feature's samples are sorted once and kept sorted by stable partitioning at every
 * split, so growing costs {@code O(d·n·depth)} after the first sort. Immutable once built.
 */
final class RegressionTree {
    /** A leaf: the box of feature space it covers and its mean prediction. */
    record Leaf(double[] low, double[] high, double value) {
    }

    private final List<Leaf> leaves = new ArrayList<>();
    private final double[][] x;
    private final double[] y;
    private final int[][] sorted;
    private final boolean[] goesLeft;
    private final int[] buffer;
    private final int maxDepth;
    private final int minLeaf;

    private RegressionTree(double[][] x, double[] y, int maxDepth, int minLeaf) {
        this.x = x;
        this.y = y;
        this.maxDepth = maxDepth;
        this.minLeaf = minLeaf;
        int n = y.length;
        int d = x.length == 0 ? 0 : x[0].length;
        this.sorted = new int[d][];
        for (int f = 0; f < d; f++) {
            int feature = f;
            sorted[f] = java.util.stream.IntStream.range(0, n).boxed()
                    .sorted((a, b) -> Double.compare(x[a][feature], x[b][feature]))
                    .mapToInt(Integer::intValue).toArray();
        }
        this.goesLeft = new boolean[n];
        this.buffer = new int[n];
    }

    /** Grows a tree on rows {@code x} (values in [0, 1]) and targets {@code y}; returns its leaves. */
    static List<Leaf> grow(double[][] x, double[] y, int maxDepth, int minLeaf) {
        RegressionTree tree = new RegressionTree(x, y, maxDepth, minLeaf);
        int d = tree.sorted.length;
        double[] low = new double[d];
        double[] high = new double[d];
        Arrays.fill(high, 1.0);
        tree.split(0, y.length, 0, low, high);
        return List.copyOf(tree.leaves);
    }

    private void split(int lo, int hi, int depth, double[] low, double[] high) {
        double sum = 0;
        for (int i = lo; i < hi; i++) {
            sum += y[sorted.length == 0 ? i : sorted[0][i]];
        }
        double mean = sum / Math.max(1, hi - lo);
        int bestFeature = -1;
        double bestThreshold = 0;
        double bestGain = 1e-12;
        if (depth < maxDepth && hi - lo >= 2 * minLeaf) {
            for (int f = 0; f < sorted.length; f++) {
                int[] order = sorted[f];
                double left = 0;
                for (int i = lo; i < hi - 1; i++) {
                    left += y[order[i]];
                    int nl = i - lo + 1;
                    int nr = hi - lo - nl;
                    double a = x[order[i]][f];
                    double b = x[order[i + 1]][f];
                    if (nl < minLeaf || nr < minLeaf || a == b) {
                        continue;
                    }
                    double right = sum - left;
                    double gain = left * left / nl + right * right / nr - sum * sum / (hi - lo);
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestFeature = f;
                        bestThreshold = (a + b) / 2;
                    }
                }
            }
        }
        if (bestFeature < 0) {
            leaves.add(new Leaf(low.clone(), high.clone(), mean));
            return;
        }
        int mid = partition(lo, hi, bestFeature, bestThreshold);
        double savedHigh = high[bestFeature];
        high[bestFeature] = bestThreshold;
        split(lo, mid, depth + 1, low, high);
        high[bestFeature] = savedHigh;
        double savedLow = low[bestFeature];
        low[bestFeature] = bestThreshold;
        split(mid, hi, depth + 1, low, high);
        low[bestFeature] = savedLow;
    }

    /** Stably moves the samples left of the threshold first in every feature's order; returns the cut. */
    private int partition(int lo, int hi, int feature, double threshold) {
        int[] order = sorted[feature];
        int nLeft = 0;
        for (int i = lo; i < hi; i++) {
            goesLeft[order[i]] = x[order[i]][feature] < threshold;
            if (goesLeft[order[i]]) {
                nLeft++;
            }
        }
        for (int[] o : sorted) {
            int l = lo;
            int r = 0;
            for (int i = lo; i < hi; i++) {
                if (goesLeft[o[i]]) {
                    o[l++] = o[i];
                } else {
                    buffer[r++] = o[i];
                }
            }
            System.arraycopy(buffer, 0, o, l, r);
        }
        return lo + nLeft;
    }
}
