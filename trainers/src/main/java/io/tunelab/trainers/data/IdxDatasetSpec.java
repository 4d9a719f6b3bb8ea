package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * A named image-classification dataset published as four IDX files (MNIST layout).
 *
 * @param name        dataset name, also the name of its directory, e.g. {@code fashion-mnist}
 * @param trainImages training images, shape {@code [n, h, w]}
 * @param trainLabels training labels, shape {@code [n]}
 * @param testImages  test images
 * @param testLabels  test labels
 * @param numClasses  number of classes
 * @param validSize   how many of the first training examples form the validation split
 * @param source      base URI the files are published under (each file is {@code source.resolve(name)})
 */
public record IdxDatasetSpec(String name, IdxFile trainImages, IdxFile trainLabels, IdxFile testImages,
                             IdxFile testLabels, int numClasses, int validSize, URI source) {
    public IdxDatasetSpec {
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]*")) {
            throw new TrainersException("dataset name must be lower-case letters, digits, '.', '_' or '-', got '" + name + "'");
        }
        Objects.requireNonNull(trainImages, "trainImages");
        Objects.requireNonNull(trainLabels, "trainLabels");
        Objects.requireNonNull(testImages, "testImages");
        Objects.requireNonNull(testLabels, "testLabels");
        Objects.requireNonNull(source, "source");
        if (validSize < 0) {
            throw new TrainersException("validation size must be 0 or more, got " + validSize);
        }
    }

    /** The four files, training images first. */
    public List<IdxFile> files() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /** The same dataset published under another base URI (a mirror, a local directory). */
    public IdxDatasetSpec withSource(URI newSource) {
        return new IdxDatasetSpec(name, trainImages, trainLabels, testImages, testLabels, numClasses, validSize, newSource);
    }
}
