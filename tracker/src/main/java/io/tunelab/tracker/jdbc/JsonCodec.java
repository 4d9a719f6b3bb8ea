package io.tunelab.tracker.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tunelab.search.json.MalformedJsonException;
import io.tunelab.search.json.UntypedJson;
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
    private JsonCodec() {
    }

    /**
     * Jackson, initialised on the first {@link #write} only: reading goes through {@link UntypedJson}, which gives the
     * same values without Jackson's start-up cost (a few hundred milliseconds of every command that only reads).
     */
    private static final class Writer {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
    }

    /** The JSON text of a JSON-compatible value; INVALID naming {@code what} otherwise. */
    static String write(String what, Object value) {
        try {
            return Writer.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw TrackerException.invalid(what + " must be JSON-compatible (string, number, boolean, list or"
                    + " map of those), got " + value.getClass().getName() + ": " + e.getMessage());
        }
    }

    /** Parses JSON written by {@link #write}. */
    static Object read(String json) {
        try {
            return UntypedJson.parse(json);
        } catch (MalformedJsonException e) {
            throw TrackerException.unavailable("stored JSON is corrupt: " + json, e);
        }
    }

    /** Parses a JSON object into an insertion-ordered map; SQL or JSON null reads as an empty map. */
    static Map<String, Object> readMap(String json) {
        if (json == null) {
            return new LinkedHashMap<>();
        }
        Object value;
        try {
            value = UntypedJson.parse(json);
        } catch (MalformedJsonException e) {
            throw TrackerException.unavailable("stored JSON object is corrupt: " + json, e);
        }
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw TrackerException.unavailable("stored JSON is not an object: " + json, null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }
}
