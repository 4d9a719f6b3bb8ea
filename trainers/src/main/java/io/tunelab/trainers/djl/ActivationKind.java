package io.tunelab.trainers.djl;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.tunelab.trainers.TrainersException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Hidden-layer activation functions, named as in study specs and JSON. Leaky ReLU uses a negative slope
 * of 0.2 and ELU an alpha of 1, the values of the book's examples.
 */
public enum ActivationKind {
    RELU, LEAKY_RELU, ELU, SELU, TANH, GELU;

    /** The lower-case name used in specs and JSON, e.g. {@code leaky_relu}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a wire name (case-insensitive).
     *
     * @throws TrainersException naming the accepted values when {@code name} is unknown
     */
    @JsonCreator
    public static ActivationKind of(String name) {
        for (ActivationKind k : values()) {
            if (k.wireName().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new TrainersException("activation must be one of " + Arrays.stream(values())
                .map(ActivationKind::wireName).collect(Collectors.joining(", ")) + ", got '" + name + "'");
    }

    /** A parameter-free DJL block applying this function. */
    public Block block() {
        return switch (this) {
            case RELU -> Activation.reluBlock();
            case LEAKY_RELU -> Activation.leakyReluBlock(0.2f);
            case ELU -> Activation.eluBlock(1f);
            case SELU -> Activation.seluBlock();
            case TANH -> Activation.tanhBlock();
            case GELU -> Activation.geluBlock();
        };
    }
}
