package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.data.DatasetRepository;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.sources.DataCard;
import io.tunelab.trainers.sources.ImageAugmentation;
import io.tunelab.trainers.sources.TrainingData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image data sets of a study file's DJL data section ({@link DjlData}): where Fashion-MNIST is read from and how
 * much of it trains, and an image folder's size and augmentation options. Problems are {@link CliException}s naming
 * the field. Stateless.
 */
final class DjlImageData {
    private DjlImageData() {
    }

    /**
     * The line a run prints before it loads Fashion-MNIST: the directory it reads, {@code data.dir} (or its fashion-mnist
     * sub-directory) or the first standard copy ({@link DatasetRepository#find}), or that it is not on this machine and is
     * being downloaded; empty for other data sets and for a {@code data.dir} that does not hold it (the checks name that).
     */
    static Optional<String> source(StudySpec spec) {
        if (!spec.data().dataset().equals("fashion-mnist")) {
            return Optional.empty();
        }
        Object dir = spec.data().options().get("dir");
        Optional<Path> found = dir == null ? DatasetRepository.standard().find(FashionMnist.SPEC)
                : DatasetRepository.holding(Path.of(String.valueOf(dir)), FashionMnist.SPEC);
        if (found.isEmpty() && dir != null) {
            return Optional.empty();
        }
        return Optional.of(found.map(d -> "Data: fashion-mnist from " + d.toAbsolutePath())
                .orElse("Data: fashion-mnist is not on this machine; trying to download it (about 30 MB)..."));
    }

    /** Fashion-MNIST's splits, {@code subset} applied {@code forTraining}. */
    static TrainingData fashionMnist(DataOptions data, boolean forTraining) {
        Path dir = DataSizeChecks.fashionMnistDir(data);
        // a directory the file names is the one read: no other copy stands in for it
        DatasetSplits splits = dir == null ? DatasetRepository.standard().load(FashionMnist.SPEC)
                : DatasetRepository.loadFrom(dir, FashionMnist.SPEC);
        int images = splits.valid().size() + splits.train().size();
        int valid = DataSizeChecks.fashionMnistValid(data, images, splits.valid().size());
        if (valid != splits.valid().size()) {
            splits = DatasetSplits.holdOutFirst(splits.valid().concat(splits.train()), valid, splits.test());
        }
        int subset = subset(data);
        if (forTraining && subset > 0 && subset < splits.train().size()) {
            splits = new DatasetSplits(splits.train().slice(0, subset), splits.valid(), splits.test());
        }
        return new TrainingData(splits, DataCard.labelledImages(FashionMnist.CLASS_NAMES, DataCard.Input.TENSOR));
    }

    /**
     * Fashion-MNIST's {@code subset}: how many of the first training images train, 0 when absent (all of them).
     * A given subset must be positive: 0 or less would silently train on every image.
     */
    static int subset(DataOptions data) {
        if (!data.has("subset")) {
            return 0;
        }
        int subset = data.integer("subset", 0);
        if (subset < 1) {
            throw new CliException("data.subset: " + subset + " images cannot train; expected a whole number of at"
                    + " least 1 (train on the first N training images), or no subset to train on all of them");
        }
        return subset;
    }

    /** An image folder's {@code image_size}, [height, width], by default [28, 28]. */
    static List<Integer> imageSize(StudySpec spec) {
        Object v = spec.data().options().getOrDefault("image_size", List.of(28, 28));
        if (v instanceof List<?> l && l.size() == 2 && l.stream().allMatch(d -> d instanceof Integer i && i > 0)) {
            return l.stream().map(Integer.class::cast).toList();
        }
        throw new CliException("data.image_size: expected [height, width] of two positive whole numbers, got " + v);
    }

    /** {@code augment: {flip: bool, crop: N}}; absent means none. */
    static ImageAugmentation augmentation(StudySpec spec) {
        Object v = spec.data().options().get("augment");
        if (v == null) {
            return ImageAugmentation.none();
        }
        if (!(v instanceof Map<?, ?> map)) {
            throw new CliException("data.augment: expected a map such as {flip: true, crop: 4}, got " + v);
        }
        for (Object key : map.keySet()) {
            if (!"flip".equals(key) && !"crop".equals(key)) {
                throw new CliException("data.augment." + key + ": unknown option; expected flip or crop");
            }
        }
        Object flip = map.containsKey("flip") ? map.get("flip") : Boolean.FALSE;
        if (!(flip instanceof Boolean)) {
            throw new CliException("data.augment.flip: expected true or false, got " + flip);
        }
        @SuppressWarnings("unchecked")
        DataOptions options = new DataOptions("data.augment", (Map<String, Object>) map);
        int crop = options.integer("crop", 0);
        if (crop < 0) {
            throw new CliException("data.augment.crop: expected a padding of 0 or more pixels, got " + crop);
        }
        return new ImageAugmentation((Boolean) flip, crop);
    }
}
