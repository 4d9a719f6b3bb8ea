package io.tunelab.trainers.predict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's inputs and outputs as MLflow's model signature names them, for {@code GET /metadata} and the
 * {@link ModelFormat} logged with a model: a column's {@code type} is {@code double} or {@code string}, a categorical
 * column lists its {@code levels}; a model of arrays gives its {@code shape} and, when its inputs have a fixed one,
 * their {@code range}, and a series model the {@code series} layout of a step in its training file ({@code columns},
 * {@code dropped} and {@code n_steps}); the output gives its {@code name}, {@code type}, a classifier's {@code classes} and the
 * {@code shape} of a forecast of several steps. Stateless; the maps returned are new and mutable.
 */
public final class Signature {
    private Signature() {
    }

    /** {@code {"inputs": ..., "outputs": ...}} of a model with input {@code in} and output {@code out}. */
    public static Map<String, Object> of(InputSchema in, OutputSchema out) {
        Map<String, Object> signature = new LinkedHashMap<>();
        signature.put("inputs", inputs(in));
        signature.put("outputs", outputs(out));
        return signature;
    }

    public static Map<String, Object> inputs(InputSchema in) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        if (in.isNamed()) {
            List<Map<String, Object>> columns = new ArrayList<>();
            for (InputSchema.Column c : in.columns()) {
                Map<String, Object> column = new LinkedHashMap<>();
                column.put("name", c.name());
                column.put("type", c.isCategorical() ? "string" : "double");
                if (c.isCategorical()) {
                    column.put("levels", c.levels());
                }
                column.put("required", true);
                columns.add(column);
            }
            inputs.put("type", "dataframe");
            inputs.put("columns", columns);
        } else {
            inputs.put("type", in.image() ? "image" : "tensor");
            inputs.put("shape", in.shape());
            if (in.range() != null) {
                inputs.put("range", List.of(in.range().min(), in.range().max()));
            }
            if (in.series() != null) {
                Map<String, Object> series = new LinkedHashMap<>(in.series().toMap());
                series.put("n_steps", in.steps());
                inputs.put("series", series);
            }
        }
        return inputs;
    }

    public static Map<String, Object> outputs(OutputSchema out) {
        Map<String, Object> outputs = new LinkedHashMap<>();
        outputs.put("name", out.target());
        outputs.put("type", switch (out.task()) {
            case "classification" -> "string";
            case "regression", "forecasting" -> "double";
            default -> "unknown";
        });
        if (out.width() > 1) {
            outputs.put("shape", List.of(out.width()));
        }
        if (!out.classes().isEmpty()) {
            outputs.put("classes", out.classes());
        }
        return outputs;
    }
}
