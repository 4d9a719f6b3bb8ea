package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.Texts;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DatasetFingerprint;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.sources.CsvDatasets;
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
import java.util.List;
import java.util.Optional;
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

    /** {@link DjlDataChecks#checkValues(StudySpec, CsvFileChecks.Source)}, reading a series file from {@code source}. */
    static void checkValues(StudySpec spec, CsvFileChecks.Source source) {
        DjlDataChecks.checkValues(spec, source);
    }

    /** The splits of the study file's data; with {@code subset}, Fashion-MNIST training uses only its first examples. */
    static TrainingData load(StudySpec spec, boolean forTraining) {
        task(spec);
        DataOptions data = new DataOptions("data", spec.data().options());
        DjlDataChecks.checkAugment(spec);
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
                    List<Integer> size = DjlImageData.imageSize(spec);
                    ImageAugmentation augment = DjlImageData.augmentation(spec);
                    yield ImageFolders.load(Path.of(data.required("path")), size.get(0), size.get(1),
                            data.integer("channels", 1), fraction(data, "test_split", 0.2), fraction(data, "valid_split", 0.2),
                            spec.sampler().seed()).withAugmentation(augment);
                }
                default -> DjlImageData.fashionMnist(data, forTraining);
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
                    List<Integer> size = DjlImageData.imageSize(spec);
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

    static Task csvTask(DataOptions data) {
        String task = data.text("task", "classification");
        return switch (task) {
            case "classification" -> Task.CLASSIFICATION;
            case "regression" -> Task.REGRESSION;
            default -> throw new CliException("data.task: expected classification or regression, got '" + task + "'");
        };
    }

    static int positive(DataOptions data, String name, int fallback) {
        int v = data.integer(name, fallback);
        if (v < 1) {
            throw new CliException("data." + name + ": expected a whole number of at least 1, got "
                    + (data.has(name) ? v : "nothing"));
        }
        return v;
    }

    /** A split size that must be a fraction of the rows (these loaders split by share). */
    static double fraction(DataOptions data, String name, double fallback) {
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
