package io.tunelab.trainers.data;

import java.util.Objects;

/**
 * The three splits of a dataset: fit on {@code train}, choose hyperparameters and stop early on
 * {@code valid}, report once on {@code test}; and the {@link DataCard} a model trained on them is saved
 * with.
 */
public record DatasetSplits(DenseDataset train, DenseDataset valid, DenseDataset test, DataCard card) {
    public DatasetSplits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(valid, "valid");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(card, "card");
    }

    /** Splits of plain arrays ({@link DataCard#tensors}). */
    public DatasetSplits(DenseDataset train, DenseDataset valid, DenseDataset test) {
        this(train, valid, test, DataCard.tensors(train));
    }

    public DatasetSplits withCard(DataCard c) {
        return new DatasetSplits(train, valid, test, c);
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
        return new DatasetSplits(train.head(trainN), valid.head(validN), test.head(testN), card);
    }
}
