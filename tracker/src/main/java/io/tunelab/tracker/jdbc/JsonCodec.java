package io.tunelab.tracker.jdbc;

import io.tunelab.search.json.MalformedJsonException;
import io.tunelab.search.json.UntypedJson;
import io.tunelab.search.storage.AttrJson;
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

    /** The JSON text of a JSON-compatible value; INVALID naming {@code what} otherwise (the storages' one rule). */
    static String write(String what, Object value) {
        return AttrJson.write(what, value);
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
