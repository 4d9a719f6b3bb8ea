package io.tunelab.trainers.sources;

import io.tunelab.trainers.data.DatasetSplits;
import java.util.Objects;

/**
 * Splits to train on, the {@link DataCard} a model trained on them is saved with, and the augmentation
 * of their training images.
 *
 * @param splits       training, validation and test examples, prepared for the network
 * @param card         how raw inputs become such examples, and what the outputs mean
 * @param augmentation random changes to the training batches' images (never to validation or test ones)
 */
public record TrainingData(DatasetSplits splits, DataCard card, ImageAugmentation augmentation) {
    public TrainingData {
        Objects.requireNonNull(splits, "splits");
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(augmentation, "augmentation");
        augmentation.check(splits.train().exampleShape());
    }

    /** Splits without augmentation. */
    public TrainingData(DatasetSplits splits, DataCard card) {
        this(splits, card, ImageAugmentation.none());
    }

    /** Splits of plain arrays ({@link DataCard#tensors}). */
    public static TrainingData of(DatasetSplits splits) {
        return new TrainingData(splits, DataCard.tensors(splits.train()));
    }

    /** The same card over other splits (e.g. a subset of the training examples). */
    public TrainingData withSplits(DatasetSplits other) {
        return new TrainingData(other, card, augmentation);
    }

    /** The same data, its training images changed by {@code a}. */
    public TrainingData withAugmentation(ImageAugmentation a) {
        return new TrainingData(splits, card, a);
    }
}
