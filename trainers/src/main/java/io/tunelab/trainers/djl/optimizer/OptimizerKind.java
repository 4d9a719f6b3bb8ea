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

    /** Whether it reads {@code momentum}: {@code momentum} and {@code nesterov}. */
    public boolean readsMomentum() {
        return this == MOMENTUM || this == NESTEROV;
    }

    /** Whether it reads {@code beta_1} and {@code beta_2}: the Adam family ({@code adam}, {@code adamw}, {@code adamax}, {@code nadam}). */
    public boolean readsBetas() {
        return this == ADAM || this == ADAMW || this == ADAMAX || this == NADAM;
    }

    /** Whether it reads {@code rho}: {@code rmsprop}. */
    public boolean readsRho() {
        return this == RMSPROP;
    }

    /** Whether it reads {@code epsilon}: the adaptive ones (all but {@code sgd}, {@code momentum} and {@code nesterov}). */
    public boolean readsEpsilon() {
        return this != SGD && !readsMomentum();
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
