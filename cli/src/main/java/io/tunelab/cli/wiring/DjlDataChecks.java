package io.tunelab.cli.wiring;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.error.ProblemList;
import io.tunelab.spec.FitSpec;
import io.tunelab.spec.StudySpec;
import io.tunelab.trainers.data.FashionMnist;
import io.tunelab.trainers.tabular.Task;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The checks of a study file's DJL data section ({@link DjlData}) made before anything runs: the options each data
 * set reads, the networks its examples can feed, and what loading the data would refuse (split sizes, window lengths,
 * the columns of a CSV or series file, Fashion-MNIST's directory). Problems are {@link CliException}s naming the field.
 * Stateless.
 */
final class DjlDataChecks {
    private DjlDataChecks() {
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
            DjlImageData.subset(new DataOptions("data", spec.data().options()));
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
                problems.check(() -> DjlData.csvTask(data));
                problems.check(() -> DjlData.fraction(data, "test_split", 0.2));
                problems.check(() -> DjlData.fraction(data, "valid_split", 0.2));
                problems.get(() -> CsvFileChecks.head("data.path", Path.of(data.required("path")), source)).ifPresent(head -> {
                    Map<String, List<String>> named = new LinkedHashMap<>();
                    named.put("data.target", List.of(data.required("target")));
                    named.put("data.categorical", data.texts("categorical"));
                    problems.check(() -> head.checkNamed(named));
                    if (problems.isEmpty()) {
                        // one reading of the file checks the numbers and a classification's target
                        problems.check(() -> head.checkNumbers(data, DjlData.csvTask(data) == Task.REGRESSION));
                    }
                });
            }
            case "series" -> {
                problems.check(() -> DjlData.positive(data, "n_steps", 0));
                problems.check(() -> DjlData.positive(data, "horizon", 1));
                problems.check(() -> DjlData.fraction(data, "valid_split", 0.2));
                problems.check(() -> DjlData.fraction(data, "test_split", 0.1));
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
                            problems.check(() -> DataSizeChecks.seriesSegments(head, rows, DjlData.positive(data, "n_steps", 0),
                                    DjlData.positive(data, "horizon", 1), DjlData.fraction(data, "valid_split", 0.2),
                                    DjlData.fraction(data, "test_split", 0.1)));
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
                problems.check(() -> DjlData.positive(data, "n_series", 10_000));
                problems.check(() -> DjlData.positive(data, "n_steps", 50));
                problems.check(() -> DjlData.positive(data, "horizon", 1));
            }
            default -> {
            }
        }
        problems.throwIfAny();
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

    /** Refuses augmentation of anything but an image folder. */
    static void checkAugment(StudySpec spec) {
        if (spec.data().options().containsKey("augment") && !spec.data().dataset().equals("images")) {
            throw new CliException("data.augment: augmentation applies to dataset images only, not to "
                    + spec.data().dataset());
        }
    }
}
