package io.tunelab.search.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON text storages keep for attribute values and metadata: one writer, so that every storage accepts the same
 * values. NaN and infinities are written as bare {@code NaN}/{@code Infinity} tokens so they read back as doubles, not
 * strings ({@link io.tunelab.search.json.UntypedJson} reads them). Thread-safe.
 */
public final class AttrJson {
    private AttrJson() {
    }

    /** Jackson, made on the first write only: commands that only read never pay its start-up. */
    private static final class Writer {
        static final JsonMapper MAPPER = JsonMapper.builder()
                .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                .build();
    }

    /**
     * The JSON text of a JSON-compatible value; INVALID otherwise, naming {@code what}, the value's class and, for a
     * list or map, the class of the element that is not and where it is ({@code weights[1]}), in words of this
     * library rather than Jackson's advice.
     */
    public static String write(String what, Object value) {
        try {
            return Writer.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw StorageException.invalid(what + " must be JSON-compatible (string, number, boolean, list or"
                    + " map of those), got " + value.getClass().getName() + culprit(e, value));
        }
    }

    /** " holding a CLASS at PATH" when an element inside {@code value} is what Jackson could not write, else "". */
    private static String culprit(Exception e, Object value) {
        if (!(e instanceof InvalidDefinitionException d) || d.getType() == null || d.getPath().isEmpty()) {
            return "";
        }
        StringBuilder at = new StringBuilder();
        for (JsonMappingException.Reference r : d.getPath()) {
            if (r.getFieldName() != null) {
                at.append(at.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                at.append('[').append(r.getIndex()).append(']');
            }
        }
        return " holding a " + d.getType().getRawClass().getName() + " at " + at;
    }
}
