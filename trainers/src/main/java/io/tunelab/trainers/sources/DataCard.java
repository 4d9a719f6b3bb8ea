package io.tunelab.trainers.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.predict.InputRange;
import io.tunelab.trainers.predict.SeriesLayout;
import io.tunelab.trainers.tabular.EncoderJson;
import io.tunelab.trainers.tabular.FeatureEncoder;
import io.tunelab.trainers.tabular.Task;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * What a network trained on a data set needs beside its weights to answer raw inputs: the task, the
 * class names, the form of input it takes and, for CSV data, the {@link FeatureEncoder} fitted on the
 * training split (so a served model encodes named features exactly as in training). Saved as JSON
 * (format {@value #FORMAT}) beside the model's weights. Immutable.
 *
 * @param task    classification or regression
 * @param classes class names in output order; empty for regression
 * @param input   the form of one input
 * @param encoder the encoder of named features; present exactly when {@code input} is {@link Input#FEATURES}
 * @param scaling the standardisation of series inputs and regression targets fitted on the training split
 *                ({@link Scaling}): inputs are scaled by it and outputs un-scaled; null when the network sees the
 *                values as they are (and for classification)
 * @param target  the name of what the model predicts (the CSV target column, {@code label} for labelled images), or
 *                null when the card does not say (cards written before it was recorded)
 * @param range   the fixed range of every input number ({@link InputRange#PIXELS} for images scaled by 1/255), which a
 *                served model refuses values outside; null for inputs without one (CSV features and series are
 *                standardised: new rows may exceed the training rows' extremes) and for older cards
 * @param series  for a series read from a CSV file, the file's layout of a step ({@link SeriesLayout}), so that a
 *                served model takes rows in that layout; null for other inputs and for older cards
 */
public record DataCard(Task task, List<String> classes, Input input, FeatureEncoder encoder, Scaling scaling,
                       String target, InputRange range, SeriesLayout series) {
    /** The format tag written into every file. */
    public static final String FORMAT = "tunelab-data-card/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The form of one input of a model. */
    public enum Input {
        /** An array of the example shape (e.g. 28×28 pixels scaled to [0, 1]). */
        TENSOR,
        /** Named CSV features, encoded by the card's encoder. */
        FEATURES,
        /** A window of {@code n_steps} time steps of the series' columns. */
        SERIES,
        /**
         * An image of the example shape {@code [channels, height, width]}, values in [0, 1]; served from a base64
         * PNG or JPEG (scaled to the size as in training) or an array of {@code [height, width, channels]}.
         */
        IMAGE;

        String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DataCard {
        Objects.requireNonNull(task, "task");
        classes = List.copyOf(classes);
        Objects.requireNonNull(input, "input");
        if ((task == Task.CLASSIFICATION) == classes.isEmpty()) {
            throw new TrainersException("a " + task.name().toLowerCase(Locale.ROOT) + " data card "
                    + (classes.isEmpty() ? "needs class names" : "has no class names") + ", got " + classes);
        }
        if ((input == Input.FEATURES) != (encoder != null)) {
            throw new TrainersException("a data card has a feature encoder exactly when its input is named features");
        }
        if (scaling != null && task != Task.REGRESSION) {
            throw new TrainersException("only a regression data card scales its targets");
        }
    }

    /** A card without scaling. */
    public DataCard(Task task, List<String> classes, Input input, FeatureEncoder encoder) {
        this(task, classes, input, encoder, null);
    }

    /** A card that names no target and no input range. */
    public DataCard(Task task, List<String> classes, Input input, FeatureEncoder encoder, Scaling scaling) {
        this(task, classes, input, encoder, scaling, encoder == null ? null : encoder.targetName(), null, null);
    }

    /** The same card of series windows, laid out as {@code s} in the training file. */
    public DataCard withSeries(SeriesLayout s) {
        return new DataCard(task, classes, input, encoder, scaling, target, range, s);
    }

    /** The same card, its inputs and targets standardised by {@code s}. */
    public DataCard withScaling(Scaling s) {
        return new DataCard(task, classes, input, encoder, s, target, range, series);
    }

    /** The same card, naming what the model predicts. */
    public DataCard withTarget(String name) {
        return new DataCard(task, classes, input, encoder, scaling, name, range, series);
    }

    /** The same card, its inputs in the fixed range {@code r}. */
    public DataCard withRange(InputRange r) {
        return new DataCard(task, classes, input, encoder, scaling, target, r, series);
    }

    /** Whether the model forecasts: a regressor of series windows. */
    public boolean forecasts() {
        return input == Input.SERIES && task == Task.REGRESSION;
    }

    /** The card of {@code data} taken as plain arrays: classes named by their index. */
    public static DataCard tensors(DenseDataset data) {
        return data.isRegression() ? new DataCard(Task.REGRESSION, List.of(), Input.TENSOR, null)
                : new DataCard(Task.CLASSIFICATION, IntStream.range(0, data.numClasses()).mapToObj(Integer::toString).toList(),
                        Input.TENSOR, null);
    }

    /** The card of a classifier of {@code input}s with these class names. */
    public static DataCard classes(List<String> classNames, Input input) {
        return new DataCard(Task.CLASSIFICATION, classNames, input, null);
    }

    /**
     * The card of a classifier of 8-bit images divided by 255 ({@code input} {@link Input#TENSOR} or {@link Input#IMAGE}):
     * it predicts their {@code label}, its inputs lie in {@link InputRange#PIXELS}.
     */
    public static DataCard labelledImages(List<String> classNames, Input input) {
        return classes(classNames, input).withTarget("label").withRange(InputRange.PIXELS);
    }

    /** The card of CSV data encoded by {@code encoder} (its classes, or regression without classes). */
    public static DataCard features(FeatureEncoder encoder) {
        return new DataCard(encoder.classes().isEmpty() ? Task.REGRESSION : Task.CLASSIFICATION, encoder.classes(),
                Input.FEATURES, encoder);
    }

    /** The card of a regressor of {@code input}s. */
    public static DataCard regression(Input input) {
        return new DataCard(Task.REGRESSION, List.of(), input, null);
    }

    /** The same card with another form of input (not named features). */
    public DataCard withInput(Input in) {
        return new DataCard(task, classes, in, null, scaling, target, range, in == Input.SERIES ? series : null);
    }

    /** A JSON-compatible description that {@link #fromMap} reads back. */
    public Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("task", task.name().toLowerCase(Locale.ROOT));
        out.put("classes", classes);
        out.put("input", input.wireName());
        if (encoder != null) {
            out.put("encoder", encoder.toMap());
        }
        if (scaling != null) {
            out.put("scaling", scaling.toMap());
        }
        if (target != null) {
            out.put("target", target);
        }
        if (range != null) {
            out.put("range", range.toMap());
        }
        if (series != null) {
            out.put("series", series.toMap());
        }
        return out;
    }

    /** Reads {@link #toMap()} back; {@code source} names it in messages. */
    public static DataCard fromMap(Map<?, ?> map, String source) {
        if (!FORMAT.equals(map.get("format"))) {
            throw new TrainersException(source + " is not a data card: format is " + map.get("format") + ", expected " + FORMAT);
        }
        try {
            Task task = Task.valueOf(String.valueOf(map.get("task")).toUpperCase(Locale.ROOT));
            Input input = Input.valueOf(String.valueOf(map.get("input")).toUpperCase(Locale.ROOT));
            List<String> classes = new ArrayList<>();
            ((List<?>) map.get("classes")).forEach(c -> classes.add(String.valueOf(c)));
            Object encoder = map.get("encoder");
            Object scaling = map.get("scaling");
            Object range = map.get("range");
            Object series = map.get("series");
            FeatureEncoder features = encoder == null ? null : EncoderJson.fromMap((Map<?, ?>) encoder, source);
            Object target = map.containsKey("target") ? map.get("target") : features == null ? null : features.targetName();
            return new DataCard(task, classes, input, features, scaling == null ? null : Scaling.fromMap((Map<?, ?>) scaling, source),
                    target == null ? null : String.valueOf(target), range == null ? null : InputRange.fromMap((Map<?, ?>) range),
                    series == null ? null : SeriesLayout.fromMap((Map<?, ?>) series));
        } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
            throw new TrainersException(source + " holds an invalid data card: " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            MAPPER.writeValue(file.toFile(), toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the data card " + file + ": " + e.getMessage(), e);
        }
    }

    public static DataCard read(Path file) {
        try {
            return fromMap(MAPPER.readValue(file.toFile(), Map.class), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data card " + file + ": " + e.getMessage(), e);
        }
    }
}
