package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * K-fold cross-validation index splits: the indices {@code 0..n-1} are shuffled with the given
 * generator and cut into {@code k} folds whose sizes differ by at most one; fold {@code i} validates on
 * its own indices and trains on all the others. Same seed, same folds. Stateless.
 */
public final class KFold {
    private KFold() {
    }

    /**
     * One fold.
     *
     * @param index zero-based fold number
     * @param train indices to train on, ascending
     * @param valid indices to validate on, ascending
     */
    public record Fold(int index, int[] train, int[] valid) {
    }

    /**
     * Splits {@code n} examples into {@code k} folds.
     *
     * @throws TrainersException when {@code k < 2} or {@code k > n}
     */
    public static List<Fold> split(int n, int k, SplittableRandom random) {
        if (k < 2 || k > n) {
            throw new TrainersException("k-fold needs 2 <= k <= number of examples, got k=" + k + " for " + n + " examples");
        }
        int[] order = shuffled(n, random);
        List<Fold> folds = new ArrayList<>(k);
        int start = 0;
        for (int i = 0; i < k; i++) {
            int size = n / k + (i < n % k ? 1 : 0);
            int[] valid = Arrays.copyOfRange(order, start, start + size);
            int[] train = new int[n - size];
            System.arraycopy(order, 0, train, 0, start);
            System.arraycopy(order, start + size, train, start, n - start - size);
            Arrays.sort(valid);
            Arrays.sort(train);
            folds.add(new Fold(i, train, valid));
            start += size;
        }
        return folds;
    }

    /** A uniformly random permutation of {@code 0..n-1} (Fisher–Yates). */
    public static int[] shuffled(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
