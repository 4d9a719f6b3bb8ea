package io.tunelab.serving;

import io.tunelab.trainers.predict.Predictor;

/** An alias that always points at version 1 of {@code model}, loaded as {@code predictor}. */
record FixedResolver(String model, Predictor predictor) implements ModelResolver {
    @Override
    public ModelRef current() {
        return new ModelRef(model, 1);
    }

    @Override
    public Predictor load(ModelRef ref) {
        return predictor;
    }
}
