package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.trainers.predict.InputRange;
import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.tabular.CsvTables;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Turns the JSON of a {@code POST /predict} body into rows for a predictor. Accepts
 * {@code {"instances": [...]}} or a bare array; an instance is a flat array of numbers, a nested
 * array of the model's shape (e.g. 28×28), or, for models with named features, an object of
 * column name to value (fields the model does not take are ignored while every column is given, {@link UnknownFields},
 * and listed by {@link #ignored()}): a number for a numeric column, one of its levels for a categorical one (or its 0/1
 * indicators {@code column=level}, {@link CategoricalValues}), where {@code null} is a missing value the
 * model imputes as in training (the median or most frequent level of its training rows); for image models, {@code {"png": "<base64>"}} or
 * an array of {@code [height, width, channels]} ({@link ImageInstances}). Every problem is a
 * {@link BadInputException} naming the instance and what was expected, as is a number of an array model outside its
 * training input range ({@link InputSchema#range()}). Not thread-safe: one parser per request.
 */
final class InstanceParser {
    private final InputSchema schema;
    private final int maxInstances;
    private final Set<String> ignored = new LinkedHashSet<>();

    InstanceParser(InputSchema schema, int maxInstances) {
        this.schema = schema;
        this.maxInstances = maxInstances;
    }

    /** The fields of named instances parsed so far that the model does not take and that were ignored, first seen first. */
    Set<String> ignored() {
        return Collections.unmodifiableSet(ignored);
    }

    float[][] parse(JsonNode body) {
        JsonNode instances = body != null && body.isObject() ? body.get("instances") : body;
        if (instances == null || !instances.isArray()) {
            throw new BadInputException("the body must be {\"instances\": [...]} or an array of instances");
        }
        return parse(instances, i -> "instances[" + i + "]");
    }

    /**
     * Rows of an array of instances, each named in messages as {@code name} gives it ({@code instances[3]},
     * {@code line 5}: a name starting with {@code line } names fields as CSV columns, {@link #field}).
     */
    float[][] parse(JsonNode instances, IntFunction<String> name) {
        if (instances.isEmpty()) {
            throw new BadInputException("'instances' is empty: send at least one instance");
        }
        if (instances.size() > maxInstances) {
            throw new BadInputException("at most " + maxInstances + " instances per request, got " + instances.size());
        }
        float[][] rows = new float[instances.size()][];
        for (int i = 0; i < rows.length; i++) {
            String at = name.apply(i);
            rows[i] = schema.isNamed() ? named(instances.get(i), at)
                    : schema.image() ? ImageInstances.parse(instances.get(i), at, schema)
                    : shaped(instances.get(i), at);
        }
        return rows;
    }

    /** Element {@code k} of a flat instance: {@code instances[0][700]}, or {@code line 2, column 701} for CSV. */
    static String element(String at, int k) {
        return at.startsWith("line ") ? at + ", column " + (k + 1) : at + "[" + k + "]";
    }

    /** A field of the instance at {@code at}: {@code instances[0].sqft}, or {@code line 3, column 'sqft'} for CSV. */
    static String field(String at, String name) {
        return at.startsWith("line ") ? at + ", column '" + name + "'" : at + "." + name;
    }

    private float[] named(JsonNode instance, String at) {
        if (!instance.isObject()) {
            throw new BadInputException(at + " must be an object of feature name to value, e.g. " + example());
        }
        Set<String> known = new HashSet<>();
        for (InputSchema.Column column : schema.columns()) {
            known.add(column.name());
            known.addAll(column.featureNames());
        }
        List<String> unknown = UnknownFields.of(instance, known);
        UnknownFields.misspelt(instance, unknown, schema).ifPresent(u -> {
            throw new BadInputException(at + " " + u);
        });
        ignored.addAll(unknown);
        float[] row = new float[schema.width()];
        int next = 0;
        for (InputSchema.Column column : schema.columns()) {
            if (column.isCategorical()) {
                next = CategoricalValues.write(column, instance, at, row, next);
            } else {
                JsonNode v = instance.get(column.name());
                if (v == null) {
                    throw new BadInputException(at + " is missing feature '" + column.name() + "'; send null for a"
                            + " missing value");
                }
                row[next++] = v.isNull() || isMissingText(v) ? Float.NaN : number(v, field(at, column.name()));
            }
        }
        return row;
    }

    /** One instance of the schema's first column, for an error message. */
    private String example() {
        InputSchema.Column first = schema.columns().get(0);
        return "{\"" + first.name() + "\": " + (first.isCategorical() ? "\"" + first.levels().get(0) + "\"" : "1.5") + "}";
    }

    private float[] shaped(JsonNode instance, String path) {
        List<Float> flat = new ArrayList<>(schema.width());
        if (!instance.isArray()) {
            throw new BadInputException(path + " must be an array of " + schema.width() + " numbers or of shape "
                    + schema.shape());
        }
        boolean nested = instance.size() > 0 && instance.get(0).isArray();
        if (nested) {
            collect(instance, 0, path, flat);
        } else {
            if (instance.size() != schema.width()) {
                throw new BadInputException(path + " has " + instance.size() + " numbers; expected " + schema.width()
                        + " (shape " + schema.shape() + ")");
            }
            for (int k = 0; k < instance.size(); k++) {
                flat.add(input(instance.get(k), element(path, k), schema));
            }
        }
        float[] row = new float[flat.size()];
        for (int k = 0; k < row.length; k++) {
            row[k] = flat.get(k);
        }
        return row;
    }

    private void collect(JsonNode node, int depth, String path, List<Float> out) {
        List<Integer> shape = schema.shape();
        if (depth >= shape.size() || !node.isArray() || node.size() != shape.get(depth)) {
            throw new BadInputException(path + " does not match shape " + shape + ": expected an array of "
                    + (depth < shape.size() ? shape.get(depth) : 0) + " at depth " + depth);
        }
        for (int k = 0; k < node.size(); k++) {
            JsonNode child = node.get(k);
            String at = path + "[" + k + "]";
            if (depth == shape.size() - 1) {
                out.add(input(child, at, schema));
            } else {
                collect(child, depth + 1, at, out);
            }
        }
    }

    /** Whether {@code v} is a text the training CSV read as a missing value ({@link CsvTables#MISSING}). */
    static boolean isMissingText(JsonNode v) {
        return v.isTextual() && CsvTables.MISSING.contains(v.textValue().strip());
    }

    /**
     * An input number of an array model, refused outside the schema's {@link InputSchema#range() range}: a model of
     * pixels scaled to [0, 1] given raw 0-255 values would answer confidently and wrongly.
     */
    static float input(JsonNode v, String path, InputSchema schema) {
        float f = number(v, path);
        InputRange range = schema.range();
        if (range != null && !range.contains(f)) {
            throw new BadInputException(path + " is " + abbreviate(v.toString()) + ", outside the model's input range "
                    + range + "; " + range.hint());
        }
        return f;
    }

    static float number(JsonNode v, String path) {
        if (!v.isNumber()) {
            throw new BadInputException(path + " must be a number, got " + abbreviate(v.toString()));
        }
        double d = v.asDouble();
        if (!Double.isFinite(d) || Math.abs(d) > Float.MAX_VALUE) {
            throw new BadInputException(path + " must be a number within +-3.4e38 (the model computes in 32-bit floats), got "
                    + abbreviate(v.toString()));
        }
        return (float) d;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
