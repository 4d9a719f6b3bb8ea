package io.tunelab.serving;

import io.tunelab.trainers.predict.InputSchema;
import io.tunelab.trainers.predict.OutputSchema;
import io.tunelab.trainers.predict.Signature;
import io.tunelab.trainers.tabular.CsvTables;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The body of {@code GET /metadata}: what is served (model, version, the alias followed or null when a version is
 * pinned), its task, and its inputs and outputs as MLflow's model signature names them ({@link Signature});
 * a model of named columns also says which cells count as missing.
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
        Map<String, Object> inputs = Signature.inputs(in);
        if (in.isNamed()) {
            inputs.put("missing", "null, or one of the training CSV's missing tokens " + new TreeSet<>(CsvTables.MISSING));
        }
        body.put("inputs", inputs);
        body.put("outputs", Signature.outputs(out));
        return body;
    }
}
