package io.tunelab.cli;

import io.tunelab.search.storage.TrialStorage;

/**
 * The seams of the composition root: how commands get the concrete storage (and, as they arrive,
 * trainers, registry, dashboard). {@link DefaultWiring} is the real one; tests pass their own.
 */
public interface Wiring {

    /** Opens the storage at {@code url} (a JDBC URL, or {@code memory:} for a throw-away one). */
    TrialStorage openStorage(String url);
}
