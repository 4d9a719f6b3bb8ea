package io.tunelab.trainers.sources;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.data.IdxArray;
import io.tunelab.trainers.data.IdxReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Any IDX image/label pair (MNIST layout, gzipped or not) as classification splits, split as
 * Fashion-MNIST is: the first {@code valid} training examples validate, the rest train; the test pair
 * tests, or without one the last {@code test} examples of the training pair. A split size of 1 or more
 * is a count, below 1 a fraction of the pair's examples. Pixels become
 * floats in [0, 1]; the classes are the labels 0 to the largest label. Stateless.
 */
public final class IdxPairs {
    private IdxPairs() {
    }

    /**
     * @param testImages the test pair's images, or null to hold out the last {@code testSize} examples
     * @throws TrainersException naming the file when a file is not IDX, or images and labels disagree
     */
    public static TrainingData load(Path images, Path labels, Path testImages, Path testLabels, double valid,
                                    double test) {
        DenseDataset all = pair(images, labels);
        return split(all, images, testImages == null ? null : pair(testImages, testLabels), testImages,
                size(valid, all.size()), size(test, all.size()));
    }

    private static int size(double share, int total) {
        return share >= 1 ? (int) share : (int) Math.round(share * total);
    }

    private static TrainingData split(DenseDataset train, Path images, DenseDataset testPair, Path testImages,
                                      int validSize, int testSize) {
        DenseDataset test;
        if (testPair != null) {
            test = testPair;
            if (!Arrays.equals(test.exampleShape(), train.exampleShape())) {
                throw new TrainersException(testImages + " holds images of shape " + Arrays.toString(test.exampleShape())
                        + ", but " + images + " holds " + Arrays.toString(train.exampleShape()));
            }
        } else {
            if (testSize < 1 || testSize >= train.size()) {
                throw new TrainersException("a test split of " + testSize + " leaves no training examples of " + train.size());
            }
            test = train.slice(train.size() - testSize, train.size());
            train = train.slice(0, train.size() - testSize);
        }
        if (validSize < 0 || validSize >= train.size()) {
            throw new TrainersException("a validation split of " + validSize + " leaves no training examples of "
                    + train.size());
        }
        int classes = Math.max(train.numClasses(), test.numClasses());
        train = withClasses(train, classes);
        test = withClasses(test, classes);
        List<String> names = IntStream.range(0, classes).mapToObj(Integer::toString).toList();
        return new TrainingData(DatasetSplits.holdOutFirst(train, validSize, test),
                DataCard.labelledImages(names, DataCard.Input.TENSOR));
    }

    private static DenseDataset withClasses(DenseDataset d, int classes) {
        return new DenseDataset(d.features(), d.exampleShape(), d.labels(), classes);
    }

    private static DenseDataset pair(Path imagesFile, Path labelsFile) {
        IdxArray images = read(imagesFile);
        IdxArray labels = read(labelsFile);
        if (labels.shape().length != 1 || images.shape().length < 2 || images.count() != labels.count()) {
            throw new TrainersException(imagesFile + " has shape " + Arrays.toString(images.shape()) + " but " + labelsFile
                    + " has shape " + Arrays.toString(labels.shape()) + "; expected [n, ...] images and [n] labels");
        }
        int[] y = labels.toInts();
        int max = Arrays.stream(y).max().orElse(0);
        if (Arrays.stream(y).anyMatch(v -> v < 0)) {
            throw new TrainersException(labelsFile + " holds a negative label; expected classes 0, 1, 2, ...");
        }
        return new DenseDataset(images.toUnitFloats(), images.itemShape(), y, max + 1);
    }

    private static IdxArray read(Path file) {
        try {
            return IdxReader.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the IDX file " + file + ": " + e.getMessage(), e);
        }
    }
}
