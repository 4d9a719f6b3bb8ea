package io.tunelab.trainers.sources;

import io.tunelab.trainers.data.DatasetSplits;
import java.util.Objects;

/**
 * Splits to train on and the {@link DataCard} a model trained on them is saved with.
 *
 * @param splits training, validation and test examples, prepared for the network
 * @param card   how raw inputs become such examples, and what the outputs mean
 */
public record TrainingData(DatasetSplits splits, DataCard card) {
    public TrainingData {
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(card, "card");
    }

    /** Splits of plain arrays ({@link DataCard#tensors}). */
    public static TrainingData of(DatasetSplits splits) {
        return new TrainingData(splits, DataCard.tensors(splits.train()));
    }

    /** The same card over other splits (e.g. a subset of the training examples). */
    public TrainingData withSplits(DatasetSplits other) {
        return new TrainingData(other, card);
    }
}
