package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetFingerprint;
import io.tunelab.trainers.data.DatasetRepository;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.DataCard;
import io.tunelab.trainers.sources.IdxPairs;
import io.tunelab.trainers.sources.ImageAugmentation;
import io.tunelab.trainers.sources.ImageFolders;
import io.tunelab.trainers.sources.SeriesDatasets;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.CsvOptions;
import io.tunelab.trainers.tabular.CsvTables;
import io.tunelab.trainers.tabular.Table;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The data sets of the DJL trainers, from a study file's {@code data} section:
 * <ul>
 *   <li>{@code fashion-mnist}: {@code dir}, {@code subset} (train on the first examples only);</li>
 *   <li>{@code csv}: {@code path}, {@code target}, {@code task} (classification or regression),
 *       {@code categorical} (the other columns must then be numeric), {@code test_split} (default 0.2) and
 *       {@code valid_split} (of the rest, default 0.2), split with the study's seed;</li>
 *   <li>{@code series}: a CSV of numeric columns, {@code path}, {@code target}, {@code drop} (columns left out,
 *       such as a date), {@code n_steps},
 *       {@code horizon} (default 1), chronological {@code valid_split} (0.2) and {@code test_split} (0.1);</li>
 *   <li>{@code synthetic-series}: the book's series, {@code n_series} (10,000), {@code n_steps} (50),
 *       {@code horizon} (1), {@code valid_split} (2,000), {@code test_split} (1,000), {@code seed} (42);</li>
 *   <li>{@code idx}: {@code images} and {@code labels} (any IDX pair, gzipped or not), optional
 *       {@code test_images} and {@code test_labels}; the first {@code valid_split} (default 1/12, as
 *       Fashion-MNIST's 5,000 of 60,000) validate, without a test pair the last {@code test_split} (1/6) test;</li>
 *   <li>{@code images}: {@code path} of a folder with one sub-folder per class, {@code image_size: [h, w]}
 *       (default [28, 28]), {@code channels} (1 or 3, default 1), {@code test_split} and {@code valid_split}
 *       (0.2 each, stratified, the study's seed), optional {@code augment: {flip: true, crop: N}} (training
 *       batches only: a horizontal flip of half the images, a random crop with padding N).</li>
 * </ul>
 * Split sizes are counts (whole numbers) or fractions. Problems are {@link CliException}s naming the field.
 */
final class DjlData {
    static final List<String> DATASETS = List.of("fashion-mnist", "csv", "series", "synthetic-series", "idx", "images");

    private DjlData() {
    }

    /** Checks the data set's name and reads its task without loading it. */
    static Task task(StudySpec spec) {
        String dataset = spec.data().dataset();
        DataOptions data = new DataOptions("data", spec.data().options());
        return switch (dataset) {
            case "fashion-mnist", "idx", "images" -> Task.CLASSIFICATION;
            case "csv" -> csvTask(data);
            case "series", "synthetic-series" -> Task.REGRESSION;
            default -> throw new CliException("data.dataset: DJL trainers read " + String.join(", ", DATASETS)
                    + ", got '" + dataset + "'" + Texts.didYouMean(dataset, DATASETS));
        };
    }

    /**
     * Refuses an option the data set does not read (and augmentation of anything but images), and image summaries of data
     * that are never images (csv, series, synthetic-series), which the run would refuse once the data are loaded.
     */
    static void checkOptions(StudySpec spec) {
        String dataset = spec.data().dataset();
        checkAugment(spec);
        checkImageSummaries(spec);
        if (dataset.equals("fashion-mnist")) {
            subset(new DataOptions("data", spec.data().options()));
        }
        List<String> known = switch (dataset) {
            case "fashion-mnist" -> List.of("dir", "subset", "valid_split");
            case "csv" -> List.of("path", "target", "task", "categorical", "test_split", "valid_split");
            case "series" -> List.of("path", "target", "drop", "n_steps", "horizon", "valid_split", "test_split");
            case "synthetic-series" -> List.of("n_series", "n_steps", "horizon", "valid_split", "test_split", "seed");
            case "idx" -> List.of("images", "labels", "test_images", "test_labels", "valid_split", "test_split");
            case "images" -> List.of("path", "image_size", "channels", "test_split", "valid_split", "augment");
            default -> List.of();
        };
        OptionNames.checkData(spec, "DJL's " + dataset, known);
    }

    /**
     * Refuses a network the data's examples cannot feed: a CNN needs images ([height, width] or [channels, height, width])
     * and a recurrent network sequences ([steps, features]), but a CSV file's examples are rows of features, and an image
     * folder's are [channels, height, width]. Every trial would fail when its network is built.
     */
    static void checkInputs(StudySpec spec) {
        String trainer = spec.trainer().name();
        String dataset = spec.data().dataset();
        if (trainer.equals("djl-cnn") && dataset.equals("csv")) {
            throw new CliException("trainer: djl-cnn needs images, inputs of shape [height, width] or [channels, height,"
                    + " width], but data 'csv' gives rows of features, so every trial would fail; expected djl-mlp or"
                    + " djl-wide-deep for a CSV file, or image data (fashion-mnist, idx or images) for djl-cnn");
        }
        if (trainer.equals("djl-rnn") && (dataset.equals("csv") || dataset.equals("images"))) {
            throw new CliException("trainer: djl-rnn needs sequences, inputs of shape [steps, features], but data '"
                    + dataset + "' gives " + (dataset.equals("csv") ? "rows of features" : "images of shape [channels,"
                    + " height, width]") + ", so every trial would fail; expected " + (dataset.equals("csv")
                    ? "djl-mlp or djl-wide-deep for a CSV file" : "djl-cnn for an image folder") + ", or data of"
                    + " that shape (series, synthetic-series, fashion-mnist or idx) for djl-rnn");
        }
    }

    /**
     * Refuses what loading the data would refuse, before anything runs: split sizes and window lengths out of range, a
     * CSV file that does not exist, a column named by {@code target}, {@code categorical} or {@code drop} that its header
     * lacks (with a suggestion), and a column that must be numeric holding something else (a series reads numbers only;
     * a CSV file with {@code categorical} reads the other columns as numbers): in every row of a file of reasonable
     * size, read a line at a time, else in its first rows ({@link CsvFileChecks}). Counts a series file's lines;
     * Fashion-MNIST's {@code dir} must exist and its {@code valid_split} leave training images ({@link DataSizeChecks}).
     */
    static void checkValues(StudySpec spec) {
        checkValues(spec, CsvFileChecks.FILES);
    }

    /** The same, reading a series file from {@code source}: once for its header and first rows, once whole. */
    static void checkValues(StudySpec spec, CsvFileChecks.Source source) {
        DataOptions data = new DataOptions("data", spec.data().options());
        ProblemList problems = new ProblemList();
        switch (spec.data().dataset()) {
            case "csv" -> {
                problems.check(() -> csvTask(data));
                problems.check(() -> fraction(data, "test_split", 0.2));
                problems.check(() -> fraction(data, "valid_split", 0.2));
                problems.get(() -> CsvFileChecks.head("data.path", Path.of(data.required("path")), source)).ifPresent(head -> {
                    Map<String, List<String>> named = new LinkedHashMap<>();
                    named.put("data.target", List.of(data.required("target")));
                    named.put("data.categorical", data.texts("categorical"));
                    problems.check(() -> head.checkNamed(named));
                    if (problems.isEmpty()) {
                        // one reading of the file checks the numbers and a classification's target
                        problems.check(() -> head.checkNumbers(data, csvTask(data) == Task.REGRESSION));
                    }
                });
            }
            case "series" -> {
                problems.check(() -> positive(data, "n_steps", 0));
                problems.check(() -> positive(data, "horizon", 1));
                problems.check(() -> fraction(data, "valid_split", 0.2));
                problems.check(() -> fraction(data, "test_split", 0.1));
                problems.get(() -> CsvFileChecks.head("data.path", Path.of(data.required("path")), source)).ifPresent(head -> {
                    Map<String, List<String>> named = new LinkedHashMap<>();
                    named.put("data.target", List.of(data.required("target")));
                    named.put("data.drop", data.texts("drop"));
                    problems.check(() -> head.checkNamed(named));
                    if (problems.isEmpty()) {
                        List<String> notFeatures = new ArrayList<>(data.texts("drop"));
                        notFeatures.add(data.required("target"));
                        // one reading of the file checks the features and the target and counts the rows
                        OptionalInt rows = problems.get(() -> head.checkNumeric(List.of(new CsvFileChecks.Numeric("data.path",
                                notFeatures, "a series reads numbers only, each column a feature of every step: leave '%s'"
                                + " out with data.drop: [%1$s]"), head.target(data.required("target"), "a series"))))
                                .orElse(OptionalInt.empty());
                        if (problems.isEmpty()) {
                            problems.check(() -> DataSizeChecks.seriesSegments(head, rows, positive(data, "n_steps", 0),
                                    positive(data, "horizon", 1), fraction(data, "valid_split", 0.2),
                                    fraction(data, "test_split", 0.1)));
                        }
                    }
                });
            }
            case "fashion-mnist" -> {
                problems.check(() -> DataSizeChecks.fashionMnistDir(data));
                problems.check(() -> DataSizeChecks.fashionMnistValid(data, FashionMnist.TRAINING_IMAGES,
                        FashionMnist.SPEC.validSize()));
            }
            case "synthetic-series" -> {
                problems.check(() -> positive(data, "n_series", 10_000));
                problems.check(() -> positive(data, "n_steps", 50));
                problems.check(() -> positive(data, "horizon", 1));
            }
            default -> {
            }
        }
        problems.throwIfAny();
    }

    /** The splits of the study file's data; with {@code subset}, Fashion-MNIST training uses only its first examples. */
    static TrainingData load(StudySpec spec, boolean forTraining) {
        task(spec);
        DataOptions data = new DataOptions("data", spec.data().options());
        checkAugment(spec);
        try {
            return switch (spec.data().dataset()) {
                case "csv" -> CsvDatasets.load(Path.of(data.required("path")), csvOptions(data), fraction(data, "test_split", 0.2),
                        fraction(data, "valid_split", 0.2), spec.sampler().seed());
                case "series" -> SeriesDatasets.csv(Path.of(data.required("path")), data.required("target"),
                        data.texts("drop"), positive(data, "n_steps", 0), positive(data, "horizon", 1),
                        fraction(data, "valid_split", 0.2), fraction(data, "test_split", 0.1));
                case "synthetic-series" -> {
                    int n = positive(data, "n_series", 10_000);
                    yield SeriesDatasets.synthetic(n, positive(data, "n_steps", 50), positive(data, "horizon", 1),
                            count(data, "valid_split", n, 0.2), count(data, "test_split", n, 0.1), data.integer("seed", 42));
                }
                case "idx" -> IdxPairs.load(Path.of(data.required("images")), Path.of(data.required("labels")),
                        data.has("test_images") ? Path.of(data.required("test_images")) : null,
                        data.has("test_images") ? Path.of(data.required("test_labels")) : null,
                        data.number("valid_split", 1.0 / 12), data.number("test_split", 1.0 / 6));
                case "images" -> {
                    List<Integer> size = imageSize(spec);
                    ImageAugmentation augment = augmentation(spec);
                    yield ImageFolders.load(Path.of(data.required("path")), size.get(0), size.get(1),
                            data.integer("channels", 1), fraction(data, "test_split", 0.2), fraction(data, "valid_split", 0.2),
                            spec.sampler().seed()).withAugmentation(augment);
                }
                default -> fashionMnist(data, forTraining);
            };
        } catch (TrainersException e) {
            throw new CliException("data: " + e.getMessage());
        }
    }

    /**
     * Which examples of the study file's data its test split holds, in the order {@link #load} gives them: for a CSV file
     * the rows of the whole file ({@link CsvDatasets#holdOut}, seeded as the Tribuo trainers' split, and the table's
     * fingerprint); for data whose test split does not depend on the seed (fashion-mnist, idx, series, synthetic-series)
     * every position of the test split, under its own fingerprint, so equal test splits match whatever the seed; for an
     * image folder the images in {@link ImageFolders#read} order, under the fingerprint of all of them. Never empty.
     */
    static Optional<TestRows> testRows(StudySpec spec) {
        DataOptions data = new DataOptions("data", spec.data().options());
        try {
            return switch (spec.data().dataset()) {
                case "csv" -> {
                    Table all = CsvTables.read(Path.of(data.required("path")), csvOptions(data));
                    yield Optional.of(new TestRows(all.fingerprint().toString(),
                            CsvDatasets.holdOut(all, fraction(data, "test_split", 0.2), spec.sampler().seed()).test()));
                }
                case "images" -> {
                    List<Integer> size = imageSize(spec);
                    DenseDataset all = ImageFolders.read(Path.of(data.required("path")), size.get(0), size.get(1),
                            data.integer("channels", 1));
                    yield Optional.of(new TestRows(DatasetFingerprint.of(all).toString(),
                            ImageFolders.holdOut(all, fraction(data, "test_split", 0.2), spec.sampler().seed()).test()));
                }
                default -> {
                    DenseDataset test = load(spec, false).splits().test();
                    yield Optional.of(new TestRows("test split " + DatasetFingerprint.of(test),
                            IntStream.range(0, test.size()).toArray()));
                }
            };
        } catch (TrainersException e) {
            throw new CliException("data: " + e.getMessage());
        }
    }

    private static CsvOptions csvOptions(DataOptions data) {
        return (csvTask(data) == Task.CLASSIFICATION ? CsvOptions.classification(data.required("target"))
                : CsvOptions.regression(data.required("target")))
                .withCategorical(data.texts("categorical").toArray(String[]::new))
                .withStrictNumeric(data.has("categorical"))
                .withNotNumericAdvice(CsvFileChecks.NOT_CATEGORICAL);
    }

    private static void checkImageSummaries(StudySpec spec) {
        FitSpec.Summaries summaries = spec.fit().summaries();
        String dataset = spec.data().dataset();
        if (summaries != null && summaries.images() > 0 && List.of("csv", "series", "synthetic-series").contains(dataset)) {
            throw new CliException("fit.summaries.images: " + summaries.images() + ", but data '" + dataset + "' are not"
                    + " labelled images (csv, series and synthetic-series data never are); expected an image classification"
                    + " data set (fashion-mnist, idx or images), or no images summary");
        }
    }

    private static void checkAugment(StudySpec spec) {
        if (spec.data().options().containsKey("augment") && !spec.data().dataset().equals("images")) {
            throw new CliException("data.augment: augmentation applies to dataset images only, not to "
                    + spec.data().dataset());
        }
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

    private static TrainingData fashionMnist(DataOptions data, boolean forTraining) {
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
    private static int subset(DataOptions data) {
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

    private static List<Integer> imageSize(StudySpec spec) {
        Object v = spec.data().options().getOrDefault("image_size", List.of(28, 28));
        if (v instanceof List<?> l && l.size() == 2 && l.stream().allMatch(d -> d instanceof Integer i && i > 0)) {
            return l.stream().map(Integer.class::cast).toList();
        }
        throw new CliException("data.image_size: expected [height, width] of two positive whole numbers, got " + v);
    }

    /** {@code augment: {flip: bool, crop: N}}; absent means none. */
    private static ImageAugmentation augmentation(StudySpec spec) {
        Object v = spec.data().options().get("augment");
        if (v == null) {
            return ImageAugmentation.none();
        }
        if (!(v instanceof java.util.Map<?, ?> map)) {
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
        DataOptions options = new DataOptions("data.augment", (java.util.Map<String, Object>) map);
        int crop = options.integer("crop", 0);
        if (crop < 0) {
            throw new CliException("data.augment.crop: expected a padding of 0 or more pixels, got " + crop);
        }
        return new ImageAugmentation((Boolean) flip, crop);
    }

    private static Task csvTask(DataOptions data) {
        String task = data.text("task", "classification");
        return switch (task) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw new CliException("data.task: expected classification or regression, got '" + task + "'");
        };
    }

    private static int positive(DataOptions data, String name, int fallback) {
        int v = data.integer(name, fallback);
        if (v < 1) {
            throw new CliException("data." + name + ": expected a whole number of at least 1, got "
                    + (data.has(name) ? v : "nothing"));
        }
        return v;
    }

    /** A split size that must be a fraction of the rows (these loaders split by share). */
    private static double fraction(DataOptions data, String name, double fallback) {
        double v = data.number(name, fallback);
        if (!(v >= 0 && v < 1)) {
            throw new CliException("data." + name + ": expected a fraction in [0, 1) here, got " + v);
        }
        return v;
    }

    /** A split size as a count of {@code total}: a whole number as given, a fraction of {@code total}. */
    static int count(DataOptions data, String name, int total, double fallback) {
        double v = data.number(name, fallback);
        return v >= 1 ? (int) v : (int) Math.round(v * total);
    }
}
