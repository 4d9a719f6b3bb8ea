package io.tunelab.dashboard.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.tunelab.dashboard.DashboardException;
import io.tunelab.dashboard.query.Brush;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the study page's brush from a query parameter: {@code {"value": [[low, high], ...], "params": {"x": [[low,
 * high], ...], "optimizer": ["adam", "sgd"]}}}, a parameter's entry being intervals (numeric axis) or choices
 * (categorical axis). Bad input is a BAD_REQUEST naming the parameter, the entry and what was expected.
 */
final class BrushRequest {
    private static final int MAX_CHARS = 20_000;

    private BrushRequest() {
    }

    /** The brush in {@code text} (none when blank) on objective {@code objective} of {@code objectives}. */
    static Brush parse(String text, int objective, int objectives) {
        Map<String, List<double[]>> ranges = new LinkedHashMap<>();
        Map<String, List<String>> choices = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return new Brush(objective, objectives, List.of(), ranges, choices);
        }
        if (text.length() > MAX_CHARS) {
            throw bad("is longer than " + MAX_CHARS + " characters");
        }
        JsonNode root;
        try {
            root = Json.shared().readTree(text);
        } catch (JsonProcessingException e) {
            throw bad("is not JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject()) {
            throw bad("must be an object {\"value\": [[low, high]], \"params\": {...}}, got " + root.getNodeType());
        }
        List<double[]> value = root.has("value") ? intervals("value", root.get("value")) : List.of();
        JsonNode params = root.path("params");
        if (!params.isMissingNode() && !params.isObject()) {
            throw bad("'params' must be an object of parameter names, got " + params.getNodeType());
        }
        params.fields().forEachRemaining(e -> {
            JsonNode entry = e.getValue();
            if (!entry.isArray()) {
                throw bad("parameter '" + e.getKey() + "' must be a list of intervals or of choices, got " + entry.getNodeType());
            }
            if (entry.size() > 0 && entry.get(0).isArray()) {
                ranges.put(e.getKey(), intervals(e.getKey(), entry));
            } else {
                List<String> kept = new ArrayList<>();
                entry.forEach(c -> kept.add(c.asText()));
                choices.put(e.getKey(), kept);
            }
        });
        return new Brush(objective, objectives, value, ranges, choices);
    }

    private static List<double[]> intervals(String axis, JsonNode node) {
        List<double[]> out = new ArrayList<>();
        if (!node.isArray()) {
            throw bad("'" + axis + "' must be a list of intervals [low, high], got " + node.getNodeType());
        }
        for (JsonNode interval : node) {
            if (!interval.isArray() || interval.size() != 2 || !interval.get(0).isNumber() || !interval.get(1).isNumber()) {
                throw bad("an interval of '" + axis + "' must be [low, high] (two numbers), got " + interval);
            }
            out.add(new double[] {interval.get(0).asDouble(), interval.get(1).asDouble()});
        }
        return out;
    }

    private static DashboardException bad(String what) {
        return DashboardException.badRequest("query parameter 'brush' " + what);
    }
}
