package io.tunelab.trainers.predict;

import java.util.List;

/**
 * What one input row looks like: either a tensor shape (e.g. {@code [784]} or {@code [28, 28]}, fed
 * flattened in row-major order) or named features (CSV-trained models), never both.
 *
 * @param shape        dimensions of a row, empty when the model takes named features
 * @param featureNames feature names in model order, empty when the model takes a shape
 */
public record InputSchema(List<Integer> shape, List<String> featureNames) {

    public InputSchema {
        shape = List.copyOf(shape);
        featureNames = List.copyOf(featureNames);
        if (shape.isEmpty() == featureNames.isEmpty()) {
            throw new IllegalArgumentException("an input schema has either a shape or feature names, got shape "
                    + shape + " and features " + featureNames);
        }
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("shape dimensions must be positive, got " + shape);
            }
        }
    }

    public static InputSchema shape(Integer... dims) {
        return new InputSchema(List.of(dims), List.of());
    }

    public static InputSchema features(List<String> names) {
        return new InputSchema(List.of(), names);
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
