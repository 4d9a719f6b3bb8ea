package io.tunelab.trainers.djl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Architectures to and from JSON, with snake_case field names and a {@code type} discriminator, e.g.
 * <pre>{"type":"mlp","input_shape":[28,28],"hidden_units":[300,100],"activation":"relu",...}</pre>
 * Unknown fields are rejected. Thread-safe.
 */
public final class ArchitectureJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ArchitectureJson() {
    }

    public static String write(Architecture architecture) {
        try {
            return MAPPER.writeValueAsString(architecture);
        } catch (JsonProcessingException e) {
            throw new TrainersException("cannot write architecture " + architecture + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws TrainersException when the JSON is malformed or describes an invalid architecture */
    public static Architecture read(String json) {
        try {
            return MAPPER.readValue(json, Architecture.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof TrainersException t ? t : e;
            throw new TrainersException("invalid architecture JSON: " + (cause == e ? e.getOriginalMessage() : cause.getMessage()), e);
        }
    }

    public static void write(Architecture architecture, Path file) throws IOException {
        Files.writeString(file, write(architecture), StandardCharsets.UTF_8);
    }

    public static Architecture read(Path file) throws IOException {
        return read(Files.readString(file, StandardCharsets.UTF_8));
    }
}
