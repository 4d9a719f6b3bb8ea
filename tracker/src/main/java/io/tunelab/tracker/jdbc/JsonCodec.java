package io.tunelab.tracker.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tunelab.tracker.TrackerException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for attribute values and metadata columns. Values come back as Jackson reads untyped JSON:
 * strings, {@code Boolean}, {@code Integer} (or {@code Long} when it does not fit, {@code Double}
 * for fractions), {@code List} and {@code Map} (insertion-ordered), or null. NaN and infinities are
 * written as bare {@code NaN}/{@code Infinity} tokens so they read back as doubles, not strings.
 * Thread-safe.
 */
final class JsonCodec {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private JsonCodec() {
    }

    /** The JSON text of a JSON-compatible value; INVALID naming {@code what} otherwise. */
    static String write(String what, Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw TrackerException.invalid(what + " must be JSON-compatible (string, number, boolean, list or"
                    + " map of those), got " + value.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** Parses JSON written by {@link #write}. */
    static Object read(String json) {
        try {
            return MAPPER.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            throw TrackerException.unavailable("stored JSON is corrupt: " + json, e);
        }
    }

    /** Parses a JSON object into an insertion-ordered map; null reads as an empty map. */
    static Map<String, Object> readMap(String json) {
        if (json == null) {
            return new LinkedHashMap<>();
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw TrackerException.unavailable("stored JSON object is corrupt: " + json, e);
        }
    }
}
