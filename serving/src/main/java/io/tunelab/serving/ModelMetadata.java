package io.tunelab.serving;

import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.OutputSchema;
import io.tunelab.trainers.tabular.CsvTables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code GET /metadata}: what is served (model, version, the alias followed or null when a version is
 * pinned), its task, the input schema as MLflow's model signature names it (a column's {@code type} is {@code double}
 * or {@code string}, a categorical column lists its {@code levels}; a model of arrays gives its {@code shape} and, when
 * its inputs have a fixed one, their {@code range}; a series model the {@code series} layout of a step in its
 * training file, {@code columns}, {@code dropped} and {@code n_steps}) and the output (its {@code name}, {@code type}, a classifier's
 * {@code classes}, the {@code shape} of a forecast of several steps).
 */
final class ModelMetadata {
    private ModelMetadata() {
    }

    static Map<String, Object> of(ModelRef ref, String alias, InputSchema in, OutputSchema out) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", ref.model());
        body.put("version", ref.version());
        body.put("alias", alias);
        body.put("task", out.task());
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
            inputs.put("missing", "null, or one of the training CSV's missing tokens " + new java.util.TreeSet<>(CsvTables.MISSING));
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
        body.put("inputs", inputs);
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
        body.put("outputs", outputs);
        return body;
    }
}
