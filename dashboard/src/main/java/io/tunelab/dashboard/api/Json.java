package io.tunelab.dashboard.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;

/**
 * The API's JSON conventions: instants as epoch milliseconds, NaN and infinities as the strings
 * {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (Jackson's default), records by component.
 */
public final class Json {
    private static final ObjectMapper SHARED = mapper();

    private Json() {
    }

    /** One configured mapper shared by the API's hand-written responses (thread-safe once configured). */
    static ObjectMapper shared() {
        return SHARED;
    }

    /** A new mapper configured with the API's conventions. */
    public static ObjectMapper mapper() {
        SimpleModule time = new SimpleModule("tunelab-instants");
        time.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeNumber(value.toEpochMilli());
            }
        });
        return new ObjectMapper().registerModule(time);
    }
}
