package io.tunelab.search.space;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tunelab.search.json.MalformedJsonException;
import io.tunelab.search.json.UntypedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a distribution, stored beside every parameter value:
 * {@code {"type":"float","low":0.0003,"high":0.03,"log":true,"step":0}},
 * {@code {"type":"int","low":0,"high":3,"log":false,"step":1}},
 * {@code {"type":"expon","loc":0.0,"scale":0.1}},
 * {@code {"type":"categorical","choices":["relu","elu"]}}. Thread-safe.
 */
public final class DistributionJson {
    private DistributionJson() {
    }

    /** Jackson, initialised on the first {@link #toJson} only: reading does without it. */
    private static final class Writer {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    public static String toJson(Distribution distribution) {
        ObjectNode node = Writer.MAPPER.createObjectNode();
        if (distribution instanceof FloatDistribution f) {
            node.put("type", "float").put("low", f.low()).put("high", f.high())
                    .put("log", f.log()).put("step", f.step());
        } else if (distribution instanceof IntDistribution i) {
            node.put("type", "int").put("low", i.low()).put("high", i.high())
                    .put("log", i.log()).put("step", i.step());
        } else if (distribution instanceof ExponentialDistribution e) {
            node.put("type", "expon").put("loc", e.loc()).put("scale", e.scale());
        } else {
            CategoricalDistribution c = (CategoricalDistribution) distribution;
            node.put("type", "categorical");
            ArrayNode choices = node.putArray("choices");
            for (Object choice : c.choices()) {
                choices.add(Writer.MAPPER.valueToTree(choice));
            }
        }
        return node.toString();
    }

    /**
     * Parses the JSON form (read without Jackson, so that commands which only read start faster); throws
     * {@link InvalidDistributionException} naming what is wrong. Missing attributes take the defaults
     * {@link #toJson} never omits: {@code log} false, {@code step} 0 (float) or 1 (int), {@code loc} 0.
     */
    public static Distribution fromJson(String json) {
        Object parsed;
        try {
            parsed = UntypedJson.parse(json);
        } catch (MalformedJsonException e) {
            throw new InvalidDistributionException("distribution JSON is malformed: " + json);
        }
        if (!(parsed instanceof Map<?, ?> node)) {
            throw new InvalidDistributionException("distribution JSON must be an object, got " + json);
        }
        Object type = node.get("type");
        return switch (type instanceof String t ? t : "") {
            case "float" -> new FloatDistribution(number(node, "low", 0), number(node, "high", 0),
                    node.get("log") instanceof Boolean log && log, number(node, "step", 0));
            case "int" -> new IntDistribution((int) number(node, "low", 0), (int) number(node, "high", 0),
                    node.get("log") instanceof Boolean log && log, (int) number(node, "step", 1));
            case "expon" -> new ExponentialDistribution(number(node, "loc", 0), number(node, "scale", 0));
            case "categorical" -> new CategoricalDistribution(choices(node.get("choices")));
            default -> throw new InvalidDistributionException(
                    "distribution type must be float, int, expon or categorical, got '" + type + "'");
        };
    }

    private static double number(Map<?, ?> node, String key, double missing) {
        Object v = node.get(key);
        if (v == null) {
            return missing;
        }
        if (!(v instanceof Number n)) {
            throw new InvalidDistributionException("distribution attribute '" + key + "' must be a number, got " + v);
        }
        return n.doubleValue();
    }

    private static List<Object> choices(Object array) {
        List<Object> choices = new ArrayList<>();
        if (!(array instanceof List<?> list)) {
            return choices;
        }
        for (Object c : list) {
            if (c instanceof String || c instanceof Boolean || c instanceof Integer || c instanceof Double) {
                choices.add(c);
            } else if (c instanceof Number n && !(c instanceof Double)) {
                choices.add(n.longValue());
            } else {
                throw new InvalidDistributionException("choices must be strings, numbers or booleans, got " + c);
            }
        }
        return choices;
    }
}
