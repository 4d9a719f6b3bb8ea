package io.tunelab.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunelab.search.text.Suggestions;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies MLflow's scoring server ({@code POST /invocations}) takes, read into {@link Instances}: exactly one
 * of {@code {"dataframe_split": {"columns": [...], "data": [[...], ...]}}} (pandas' {@code orient="split"}, an
 * {@code index} is ignored), {@code {"dataframe_records": [{column: value}, ...]}}, {@code {"instances": [...]}} or
 * {@code {"inputs": ...}}, where {@code inputs} is an array of instances or an object of column to a list of values
 * (TensorFlow Serving's columnar form). Every problem is a {@link BadInputException} naming the field.
 */
final class MlflowPayload {
    static final List<String> KEYS = List.of("dataframe_split", "dataframe_records", "instances", "inputs");

    private MlflowPayload() {
    }

    /** @param maxInstances the most rows read, so that a columnar body cannot make more */
    static Instances read(JsonNode body, int maxInstances) {
        if (body == null || !body.isObject()) {
            throw new BadInputException("the body must be a JSON object with one of the fields " + KEYS
                    + ", e.g. {\"dataframe_split\": {\"columns\": [\"x\"], \"data\": [[1.5]]}}");
        }
        List<String> given = new ArrayList<>();
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            given.add(it.next());
        }
        List<String> ours = given.stream().filter(KEYS::contains).toList();
        if (ours.size() != 1) {
            throw new BadInputException("the body must have exactly one of the fields " + KEYS + ", got " + given);
        }
        List<String> other = given.stream().filter(k -> !KEYS.contains(k) && !k.equals("params")).toList();
        if (!other.isEmpty()) {
            throw new BadInputException("unknown field" + (other.size() == 1 ? " " : "s ") + other + " beside '" + ours.get(0)
                    + "'; the body has one of " + KEYS);
        }
        String key = ours.get(0);
        JsonNode value = body.get(key);
        return switch (key) {
            case "dataframe_split" -> split(value, maxInstances);
            case "inputs" -> value != null && value.isObject() ? columnar(value, maxInstances) : array(value, key);
            default -> array(value, key);
        };
    }

    /**
     * The {@link Windows} that the body's inference parameters ({@code "params": {"windows": "all"}}, as MLflow's
     * scoring server takes {@code params}) choose, or null when they choose none. Other parameters are ignored, as
     * MLflow ignores those a model does not declare, unless misspelt.
     *
     * @throws BadInputException when {@code params} is not an object, or {@code windows} not {@code last} or {@code all}
     */
    static Windows windows(JsonNode body) {
        JsonNode params = body == null ? null : body.get("params");
        if (params == null || params.isNull()) {
            return null;
        }
        if (!params.isObject()) {
            throw new BadInputException("'params' must be an object of parameter name to value, e.g. {\"windows\":"
                    + " \"all\"}, got " + kind(params));
        }
        params.fieldNames().forEachRemaining(name -> Suggestions.closest(name, List.of("windows"))
                .filter(close -> !close.equals(name)).ifPresent(close -> {
                    throw new BadInputException("params." + name + " is not a parameter" + Suggestions.didYouMean(name,
                            List.of("windows")));
                }));
        JsonNode windows = params.get("windows");
        if (windows == null || windows.isNull()) {
            return null;
        }
        return Windows.parse("params.windows", windows.isTextual() ? windows.textValue() : windows.toString());
    }

    private static Instances array(JsonNode value, String key) {
        if (!value.isArray()) {
            throw new BadInputException("'" + key + "' must be an array of instances, got " + kind(value));
        }
        return new Instances(value, i -> key + "[" + i + "]");
    }

    private static Instances split(JsonNode split, int maxInstances) {
        if (!split.isObject() || !split.path("columns").isArray() || !split.path("data").isArray()) {
            throw new BadInputException("'dataframe_split' must be {\"columns\": [...], \"data\": [[...], ...]}, got "
                    + kind(split));
        }
        JsonNode columns = split.get("columns");
        JsonNode data = split.get("data");
        if (data.size() > maxInstances) {
            throw new BadInputException("at most " + maxInstances + " instances per request, got " + data.size());
        }
        for (int c = 0; c < columns.size(); c++) {
            if (!columns.get(c).isTextual()) {
                throw new BadInputException("dataframe_split.columns[" + c + "] must be a column name, got " + columns.get(c));
            }
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (int r = 0; r < data.size(); r++) {
            JsonNode row = data.get(r);
            String at = "dataframe_split.data[" + r + "]";
            if (!row.isArray() || row.size() != columns.size()) {
                throw new BadInputException(at + " must be an array of " + columns.size() + " values, one per column of "
                        + "dataframe_split.columns, got " + kind(row));
            }
            ObjectNode instance = rows.addObject();
            for (int c = 0; c < columns.size(); c++) {
                instance.set(columns.get(c).textValue(), row.get(c));
            }
        }
        return new Instances(rows, r -> "dataframe_split.data[" + r + "]");
    }

    private static Instances columnar(JsonNode inputs, int maxInstances) {
        int n = -1;
        String first = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isArray()) {
                throw new BadInputException("inputs." + e.getKey() + " must be an array of values, one per instance, got "
                        + kind(e.getValue()));
            }
            if (n >= 0 && e.getValue().size() != n) {
                throw new BadInputException("inputs." + e.getKey() + " has " + e.getValue().size() + " values, but inputs."
                        + first + " has " + n + "; every column has one value per instance");
            }
            n = e.getValue().size();
            first = first == null ? e.getKey() : first;
        }
        if (n > maxInstances) {
            throw new BadInputException("at most " + maxInstances + " instances per request, got " + n);
        }
        ArrayNode rows = JsonNodeFactory.instance.arrayNode();
        for (int r = 0; r < Math.max(n, 0); r++) {
            ObjectNode instance = rows.addObject();
            for (Iterator<Map.Entry<String, JsonNode>> it = inputs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                instance.set(e.getKey(), e.getValue().get(r));
            }
        }
        return new Instances(rows, r -> "inputs[" + r + "]");
    }

    private static String kind(JsonNode v) {
        String s = v == null ? "nothing" : v.toString();
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}
