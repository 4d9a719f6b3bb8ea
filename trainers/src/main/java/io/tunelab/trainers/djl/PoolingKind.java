package io.tunelab.trainers.djl;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tunelab.trainers.TrainersException;
import java.util.Locale;

/** 2×2 pooling with stride 2 after each convolution block. */
public enum PoolingKind {
    MAX, AVG;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static PoolingKind of(String name) {
        for (PoolingKind p : values()) {
            if (p.wireName().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new TrainersException("pooling must be max or avg, got '" + name + "'");
    }
}
