package io.tunelab.trainers.data;

import java.util.Objects;

/**
 * The three splits of a dataset: fit on {@code train}, choose hyperparameters and stop early on
 * {@code valid}, report once on {@code test}.
 */
public record DatasetSplits(DenseDataset train, DenseDataset valid, DenseDataset test) {
    public DatasetSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(test, "test");
    }

    /**
     * Splits {@code trainFile} into validation (its first {@code validSize} examples) and training (the
     * rest), as the book and its PyTorch counterpart do for Fashion-MNIST.
     */
    public static DatasetSplits holdOutFirst(DenseDataset trainFile, int validSize, DenseDataset test) {
        return new DatasetSplits(trainFile.slice(validSize, trainFile.size()), trainFile.slice(0, validSize), test);
    }

    /** Every split cut to at most {@code n} examples (for quick runs and tests). */
    public DatasetSplits limit(int trainN, int validN, int testN) {
        return new DatasetSplits(train.head(trainN), valid.head(validN), test.head(testN));
    }
}
