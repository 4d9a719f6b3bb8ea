package io.tunelab.trainers.djl.train;

import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.TrainingState;
import io.tunelab.trainers.djl.WeightSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** What the tests comparing two ways of training the same network share: their data and a flat view of the weights. */
final class EquivalenceRuns {
    private EquivalenceRuns() {
    }

    /** y = sin(x0) + x1 x2 - x3 + noise, over 5 features. */
    static DenseDataset data(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[rows * 5];
        float[] y = new float[rows];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 5; j++) {
                x[i * 5 + j] = (float) random.nextGaussian();
            }
            y[i] = (float) (Math.sin(x[i * 5]) + x[i * 5 + 1] * x[i * 5 + 2] - x[i * 5 + 3] + 0.1 * random.nextGaussian());
        }
        return DenseDataset.regression(x, new int[] {5}, y, 1);
    }

    /** Every value of every parameter, parameter by parameter. */
    static List<Float> values(WeightSnapshot weights) {
        TrainingState state = new TrainingState();
        weights.writeTo(state, "w/");
        List<Float> all = new ArrayList<>();
        for (String name : state.names("w/")) {
            for (float f : state.floats(name)) {
                all.add(f);
            }
        }
        return all;
    }
}
