package io.tunelab.trainers.djl.optimizer;

import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The optimizers a trial can choose, by their names in study specs. */
public enum OptimizerKind {
    SGD, MOMENTUM, NESTEROV, ADAGRAD, RMSPROP, ADAM, ADAMAX, NADAM, ADAMW;

    /** Lower-case name used in specs, e.g. {@code rmsprop}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a name (case-insensitive); the message lists the accepted ones. */
    public static OptimizerKind of(String name) {
        for (OptimizerKind k : values()) {
            if (k.wireName().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new TrainersException("optimizer must be one of " + Arrays.stream(values())
                .map(OptimizerKind::wireName).collect(Collectors.joining(", ")) + ", got '" + name + "'");
    }
}
