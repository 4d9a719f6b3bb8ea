package io.tunelab.bench.training;

import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import java.util.SplittableRandom;

/** Small labelled 28×28 grey images for the benchmark tests: class c is a bright band of rows at 9c, plus noise. */
final class TinyImages {
    static final int CLASSES = 3;

    private TinyImages() {
    }

    static DatasetSplits splits(int train, int valid, int test, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new DatasetSplits(images(train, random), images(valid, random), images(test, random));
    }

    private static DenseDataset images(int n, SplittableRandom random) {
        float[] x = new float[n * 28 * 28];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % CLASSES;
            for (int r = 0; r < 28; r++) {
                for (int c = 0; c < 28; c++) {
                    boolean band = r >= 9 * y[i] && r < 9 * y[i] + 9;
                    x[(i * 28 + r) * 28 + c] = (float) Math.min(1, (band ? 0.7 : 0.1) + 0.3 * random.nextDouble());
                }
            }
        }
        return new DenseDataset(x, new int[] {28, 28}, y, CLASSES);
    }
}
