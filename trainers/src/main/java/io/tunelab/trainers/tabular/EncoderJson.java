package io.tunelab.trainers.tabular;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tunelab.trainers.TrainersException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a {@link FeatureEncoder} as JSON and reads it back (format {@value #FORMAT}). Thread-safe.
 * Means and scales are written as JSON numbers with full double precision, so a read-back encoder
 * encodes exactly as the original. Each column's {@code fill} (the imputed value of a missing cell) is
 * optional when read: an encoder written before imputation by median and most frequent level fills
 * numbers with the mean and categories with all zeros, as it did.
 */
public final class EncoderJson {
    /** The format tag written into every file. */
    public static final String FORMAT = "tunelab-feature-encoder/1";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EncoderJson() {
    }

    public static void write(FeatureEncoder encoder, Path file) {
        try {
            MAPPER.writeValue(file.toFile(), encoder.toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feature encoder to " + file + ": " + e.getMessage(), e);
        }
    }

    public static FeatureEncoder read(Path file) {
        try {
            return fromMap(MAPPER.readValue(file.toFile(), Map.class), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feature encoder from " + file + ": " + e.getMessage(), e);
        }
    }

    /** The encoder as a JSON string. */
    public static String toJson(FeatureEncoder encoder) {
        try {
            return MAPPER.writeValueAsString(encoder.toMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write feature encoder as JSON: " + e.getMessage(), e);
        }
    }

    /** Reads an encoder from a JSON string; {@code source} names it in messages. */
    public static FeatureEncoder fromJson(String json, String source) {
        try {
            return fromMap(MAPPER.readValue(json, Map.class), source);
        } catch (IOException e) {
            throw new TrainersException(source + " holds no readable feature encoder JSON: " + e.getMessage(), e);
        }
    }

    /** Rebuilds an encoder from {@link FeatureEncoder#toMap()}; {@code source} names it in messages. */
    public static FeatureEncoder fromMap(Map<?, ?> map, String source) {
        if (!FORMAT.equals(map.get("format"))) {
            throw new TrainersException(source + " is not a feature encoder: format is " + map.get("format")
                    + ", expected " + FORMAT);
        }
        List<FeatureEncoder.ColumnCoding> columns = new ArrayList<>();
        for (Object o : (List<?>) map.get("columns")) {
            Map<?, ?> c = (Map<?, ?>) o;
            ColumnKind kind = ColumnKind.valueOf(((String) c.get("kind")).toUpperCase(Locale.ROOT));
            if (kind == ColumnKind.NUMERIC) {
                double mean = ((Number) c.get("mean")).doubleValue();
                double fill = c.get("fill") instanceof Number n ? n.doubleValue() : mean;
                columns.add(new FeatureEncoder.ColumnCoding((String) c.get("name"), kind, mean,
                        ((Number) c.get("scale")).doubleValue(), List.of(), fill, null));
            } else {
                List<String> levels = ((List<?>) c.get("levels")).stream().map(String::valueOf).toList();
                Object fill = c.get("fill");
                columns.add(new FeatureEncoder.ColumnCoding((String) c.get("name"), kind, 0, 1, levels, Double.NaN,
                        fill == null ? null : fill.toString()));
            }
        }
        List<String> classes = ((List<?>) map.get("classes")).stream().map(String::valueOf).toList();
        return new FeatureEncoder(columns, (String) map.get("target"), classes, Boolean.TRUE.equals(map.get("standardize")));
    }
}
