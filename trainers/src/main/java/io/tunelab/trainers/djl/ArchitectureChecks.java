package io.tunelab.trainers.djl;

import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Allowed;
import java.util.List;

/** Argument checks shared by the architecture records; messages name the field and the bad value. */
final class ArchitectureChecks {
    private ArchitectureChecks() {
    }

    static void positive(String field, long value) {
        if (value < 1) {
            throw new TrainersException(field + " must be at least 1, got " + value);
        }
    }

    static void dropout(double rate) {
        Allowed.FRACTION.require("dropout", rate);
    }

    static List<Integer> shape(String field, List<Integer> shape) {
        if (shape == null || shape.isEmpty()) {
            throw new TrainersException(field + " must have at least one dimension, got " + shape);
        }
        shape.forEach(d -> positive(field + " dimension", d == null ? 0 : d));
        return List.copyOf(shape);
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new TrainersException(field + " is required");
        }
        return value;
    }
}
