package io.tunelab.serving;

import io.tunelab.trainers.predict.Predictor;

/**
 * Where a served model comes from: which version an alias points at now, and how to load it.
 * {@link #current()} is polled and must be cheap; {@link #load} may take seconds.
 */
public interface ModelResolver {

    /** The version the served alias points at right now (or the pinned version). */
    ModelRef current();

    /** The alias followed, or null when the resolver serves one pinned version. */
    default String alias() {
        return null;
    }

    /** Loads a version into memory, ready to predict. */
    Predictor load(ModelRef ref);
}
