package io.tunelab.trainers.data;

import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the four files of an IDX dataset from a directory into verified splits. */
final class IdxDatasetLoader {
    private IdxDatasetLoader() {
    }

    static DatasetSplits load(IdxDatasetSpec spec, Path dir) {
        DenseDataset trainFile = examples(spec, dir, spec.trainImages(), spec.trainLabels());
        DenseDataset test = examples(spec, dir, spec.testImages(), spec.testLabels());
        if (spec.validSize() > trainFile.size()) {
            throw new TrainersException("dataset '" + spec.name() + "': validation size " + spec.validSize()
                    + " exceeds the " + trainFile.size() + " training examples");
        }
        return DatasetSplits.holdOutFirst(trainFile, spec.validSize(), test);
    }

    private static DenseDataset examples(IdxDatasetSpec spec, Path dir, IdxFile imagesFile, IdxFile labelsFile) {
        IdxArray images = verified(dir, imagesFile);
        IdxArray labels = verified(dir, labelsFile);
        if (labels.shape().length != 1 || images.count() != labels.count()) {
            throw new TrainersException("dataset '" + spec.name() + "': " + imagesFile.name() + " has shape "
                    + Arrays.toString(images.shape()) + " but " + labelsFile.name() + " has shape "
                    + Arrays.toString(labels.shape()) + "; expected one label per image");
        }
        return new DenseDataset(images.toUnitFloats(), images.itemShape(), labels.toInts(), spec.numClasses());
    }

    private static IdxArray verified(Path dir, IdxFile file) {
        Path path = IdxLayout.find(dir, file);
        if (path == null) {
            throw new DatasetUnavailableException(file.name() + " is missing from " + dir);
        }
        IdxArray array;
        try {
            array = IdxReader.read(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
        if (file.contentSha256() != null && !file.contentSha256().equals(array.contentSha256())) {
            throw new TrainersException(path + " has content SHA-256 " + array.contentSha256() + ", expected "
                    + file.contentSha256() + ": the file is corrupt or belongs to another dataset");
        }
        return array;
    }
}
