package io.tunelab.trainers.predict;

import java.util.List;

/**
 * What one input row looks like: either a tensor shape (e.g. {@code [784]} or {@code [28, 28]}, fed
 * flattened in row-major order) or named features (CSV-trained models), never both.
 *
 * @param shape        dimensions of a row, empty when the model takes named features
 * @param featureNames feature names in model order, empty when the model takes a shape
 * @param image        whether the model takes images: its shape is {@code [channels, height, width]}
 *                     (values in [0, 1]) and clients send a PNG or an array of {@code [height, width,
 *                     channels]}, which the server lays out as the shape
 * @param columns      for named features, the raw columns they encode, in order: a numeric column is one
 *                     feature of its name, a categorical one the 0/1 indicators {@code column=level} of its
 *                     levels; empty for a shape. Clients may send a categorical column's level by the column's
 *                     name
 * @param range        the fixed range of every input number in training ({@link InputRange}, e.g. pixels in [0, 1]),
 *                     or null when the inputs have none (CSV features, series, models saved without one)
 * @param series       for a model of series windows of shape {@code [n_steps, columns]}, the training file's layout
 *                     of a step ({@link SeriesLayout}, one column name per column of the shape); null for other models
 *                     and for series models saved before it was recorded
 */
public record InputSchema(List<Integer> shape, List<String> featureNames, boolean image, List<Column> columns,
                          InputRange range, SeriesLayout series) {

    /**
     * A raw input column of a model of named features.
     *
     * @param name   the column's name
     * @param levels a categorical column's levels in feature order; empty for a numeric column
     */
    public record Column(String name, List<String> levels) {
        public Column {
            levels = List.copyOf(levels);
        }

        public boolean isCategorical() {
            return !levels.isEmpty();
        }

        /** The feature names this column encodes to: its own name, or one {@code name=level} per level. */
        public List<String> featureNames() {
            return isCategorical() ? levels.stream().map(l -> name + "=" + l).toList() : List.of(name);
        }
    }

    /** A schema without an input range. */
    public InputSchema(List<Integer> shape, List<String> featureNames, boolean image, List<Column> columns) {
        this(shape, featureNames, image, columns, null);
    }

    /** A schema that is not of series windows with a known layout. */
    public InputSchema(List<Integer> shape, List<String> featureNames, boolean image, List<Column> columns,
                       InputRange range) {
        this(shape, featureNames, image, columns, range, null);
    }

    /** A schema of plain arrays or named numeric features, not images. */
    public InputSchema(List<Integer> shape, List<String> featureNames) {
        this(shape, featureNames, false);
    }

    /** A schema of plain arrays, images or named numeric features. */
    public InputSchema(List<Integer> shape, List<String> featureNames, boolean image) {
        this(shape, featureNames, image, featureNames.stream().map(n -> new Column(n, List.of())).toList());
    }

    public InputSchema {
        shape = List.copyOf(shape);
        featureNames = List.copyOf(featureNames);
        columns = List.copyOf(columns);
        List<String> encoded = columns.stream().flatMap(c -> c.featureNames().stream()).toList();
        if (!encoded.equals(featureNames)) {
            throw new IllegalArgumentException("the columns " + columns + " encode the features " + encoded
                    + ", not " + featureNames);
        }
        if (shape.isEmpty() == featureNames.isEmpty()) {
            throw new IllegalArgumentException("an input schema has either a shape or feature names, got shape "
                    + shape + " and features " + featureNames);
        }
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("shape dimensions must be positive, got " + shape);
            }
        }
        if (series != null && (shape.size() != 2 || shape.get(1) != series.columns().size())) {
            throw new IllegalArgumentException("a series layout of the columns " + series.columns() + " needs shape [n_steps, "
                    + series.columns().size() + "], got " + shape);
        }
        if (image && (shape.size() != 3 || (shape.get(0) != 1 && shape.get(0) != 3))) {
            throw new IllegalArgumentException("an image schema has shape [channels (1 or 3), height, width], got " + shape);
        }
    }

    /** The schema of a model of {@code channels × height × width} images. */
    public static InputSchema image(int channels, int height, int width) {
        return new InputSchema(List.of(channels, height, width), List.of(), true);
    }

    public static InputSchema shape(Integer... dims) {
        return new InputSchema(List.of(dims), List.of());
    }

    /** A schema of named numeric features. */
    public static InputSchema features(List<String> names) {
        return new InputSchema(List.of(), names);
    }

    /** A schema of named features encoding {@code columns} (numeric ones, and categorical ones one-hot). */
    public static InputSchema columns(List<Column> columns) {
        return new InputSchema(List.of(), columns.stream().flatMap(c -> c.featureNames().stream()).toList(), false,
                columns);
    }

    /** The same schema, its inputs in {@code r} (null: no range). */
    public InputSchema withRange(InputRange r) {
        return new InputSchema(shape, featureNames, image, columns, r, series);
    }

    /** The same schema of series windows laid out as {@code s} in the training file (null: not known). */
    public InputSchema withSeries(SeriesLayout s) {
        return new InputSchema(shape, featureNames, image, columns, range, s);
    }

    /** The number of time steps in a window of a series model ({@link #series()} not null). */
    public int steps() {
        return shape.get(0);
    }

    public boolean isNamed() {
        return !featureNames.isEmpty();
    }

    /** Number of numbers in one row. */
    public int width() {
        if (isNamed()) {
            return featureNames.size();
        }
        int w = 1;
        for (int d : shape) {
            w *= d;
        }
        return w;
    }
}
