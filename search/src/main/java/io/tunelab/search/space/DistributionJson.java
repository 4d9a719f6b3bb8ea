package io.tunelab.search.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a distribution, stored beside every parameter value:
 * {@code {"type":"float","low":0.0003,"high":0.03,"log":true,"step":0}},
 * {@code {"type":"int","low":0,"high":3,"log":false,"step":1}},
 * {@code {"type":"expon","loc":0.0,"scale":0.1}},
 * {@code {"type":"categorical","choices":["relu","elu"]}}. Thread-safe.
 */
public final class DistributionJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DistributionJson() {
    }

    public static String toJson(Distribution distribution) {
        ObjectNode node = MAPPER.createObjectNode();
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
                choices.add(MAPPER.valueToTree(choice));
            }
        }
        return node.toString();
    }

    /** Parses the JSON form; throws {@link InvalidDistributionException} naming what is wrong. */
    public static Distribution fromJson(String json) {
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDistributionException("distribution JSON is malformed: " + json);
        }
        if (node == null || !node.isObject()) {
            throw new InvalidDistributionException("distribution JSON must be an object, got " + json);
        }
        String type = node.path("type").asText("");
        return switch (type) {
            case "float" -> new FloatDistribution(node.path("low").asDouble(), node.path("high").asDouble(),
                    node.path("log").asBoolean(false), node.path("step").asDouble(0));
            case "int" -> new IntDistribution(node.path("low").asInt(), node.path("high").asInt(),
                    node.path("log").asBoolean(false), node.path("step").asInt(1));
            case "expon" -> new ExponentialDistribution(node.path("loc").asDouble(0), node.path("scale").asDouble());
            case "categorical" -> new CategoricalDistribution(choices(node.path("choices")));
            default -> throw new InvalidDistributionException(
                    "distribution type must be float, int, expon or categorical, got '" + type + "'");
        };
    }

    private static List<Object> choices(JsonNode array) {
        List<Object> choices = new ArrayList<>();
        for (JsonNode c : array) {
            if (c.isTextual()) {
                choices.add(c.asText());
            } else if (c.isBoolean()) {
                choices.add(c.asBoolean());
            } else if (c.isInt()) {
                choices.add(c.asInt());
            } else if (c.isIntegralNumber()) {
                choices.add(c.asLong());
            } else if (c.isNumber()) {
                choices.add(c.asDouble());
            } else {
                throw new InvalidDistributionException("choices must be strings, numbers or booleans, got " + c);
            }
        }
        return choices;
    }
}
