package io.tunelab.trainers.tabular;

import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded hold-out and k-fold splits of row indices. The same seed gives the same splits, so every
 * trial of a study is scored on the same folds and their per-fold scores can be compared (which
 * pruners do). Stratified variants keep each class's count in every part to within one row of its
 * share: for k folds, each class's shuffled rows are dealt round-robin to the folds, one class after
 * another; for a hold-out split, rows are ranked by their relative position {@code (i + 0.5) / m}
 * within their shuffled class and the first ones form the test part. Stateless.
 */
public final class Splits {
    private Splits() {
    }

    /** A hold-out split of {@code table}, stratified by class for classification. */
    public static Split holdOut(Table table, double testFraction, long seed) {
        return table.task() == Task.CLASSIFICATION
                ? holdOut(table.labels(), testFraction, seed)
                : holdOut(table.rowCount(), testFraction, seed);
    }

    /** {@code k} folds of {@code table}, stratified by class for classification. */
    public static List<Split> kFold(Table table, int k, long seed) {
        return table.task() == Task.CLASSIFICATION
                ? stratifiedKFold(table.labels(), k, seed)
                : kFold(table.rowCount(), k, seed);
    }

    /** A random hold-out split of {@code n} rows with {@code round(testFraction * n)} (at least 1) test rows. */
    public static Split holdOut(int n, double testFraction, long seed) {
        return holdOutFrom(permutation(n, new SplittableRandom(seed)), testFraction);
    }

    /** A hold-out split stratified by {@code labels}. */
    public static Split holdOut(int[] labels, double testFraction, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return holdOutFrom(interleaved(classGroups(labels, random), labels.length, random), testFraction);
    }

    /** {@code k} random folds of {@code n} rows; fold sizes differ by at most one. */
    public static List<Split> kFold(int n, int k, long seed) {
        return foldsFrom(permutation(n, new SplittableRandom(seed)), k);
    }

    /** {@code k} folds stratified by {@code labels}. */
    public static List<Split> stratifiedKFold(int[] labels, int k, long seed) {
        return foldsFrom(concatenated(classGroups(labels, new SplittableRandom(seed))), k);
    }

    private static Split holdOutFrom(int[] order, double testFraction) {
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new TrainersException("test fraction must be in (0, 1), got " + testFraction);
        }
        int n = order.length;
        int nTest = (int) Math.max(1, Math.round(testFraction * n));
        if (nTest >= n) {
            throw new TrainersException("a hold-out split of " + n + " rows with test fraction " + testFraction
                    + " leaves no training rows");
        }
        int[] test = Arrays.copyOfRange(order, 0, nTest);
        int[] train = Arrays.copyOfRange(order, nTest, n);
        Arrays.sort(test);
        Arrays.sort(train);
        return new Split(train, test);
    }

    private static List<Split> foldsFrom(int[] order, int k) {
        int n = order.length;
        if (k < 2 || k > n) {
            throw new TrainersException("k-fold needs 2 <= k <= rows, got k=" + k + " for " + n + " rows");
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[order[i]] = i % k;
        }
        List<Split> splits = new ArrayList<>(k);
        for (int f = 0; f < k; f++) {
            int size = n / k + (f < n % k ? 1 : 0);
            int[] test = new int[size];
            int[] train = new int[n - size];
            int t = 0;
            int r = 0;
            for (int row = 0; row < n; row++) {
                if (fold[row] == f) {
                    test[t++] = row;
                } else {
                    train[r++] = row;
                }
            }
            splits.add(new Split(train, test));
        }
        return List.copyOf(splits);
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates), drawn from {@code random}. */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    /** Each class's rows, shuffled; classes in index order. */
    private static List<List<Integer>> classGroups(int[] labels, SplittableRandom random) {
        int classes = Arrays.stream(labels).max().orElse(-1) + 1;
        List<List<Integer>> byClass = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            byClass.add(new ArrayList<>());
        }
        for (int row : permutation(labels.length, random)) {
            if (labels[row] < 0) {
                throw new TrainersException("class labels must be 0 or more, got " + labels[row] + " at row " + row);
            }
            byClass.get(labels[row]).add(row);
        }
        return byClass;
    }

    /** The class groups one after another: dealt round-robin, each class spreads evenly over the folds. */
    private static int[] concatenated(List<List<Integer>> groups) {
        return groups.stream().flatMap(List::stream).mapToInt(Integer::intValue).toArray();
    }

    /** Rows ordered so that every prefix holds each class in proportion, to within one row. */
    private static int[] interleaved(List<List<Integer>> groups, int n, SplittableRandom random) {
        double[] key = new double[n];
        for (List<Integer> rows : groups) {
            for (int i = 0; i < rows.size(); i++) {
                key[rows.get(i)] = (i + 0.5) / rows.size();
            }
        }
        int[] tieBreak = permutation(n, random);
        return Arrays.stream(permutation(n, random)).boxed()
                .sorted((a, b) -> key[a] != key[b] ? Double.compare(key[a], key[b])
                        : Integer.compare(tieBreak[a], tieBreak[b]))
                .mapToInt(Integer::intValue).toArray();
    }
}
