package io.tunelab.cli;

import io.tunelab.cli.wiring.TrainerFactory;
import io.tunelab.search.storage.TrialStorage;
import java.util.List;

/**
 * The seams of the composition root: how commands get the concrete storage (and, as they arrive,
 * trainers, registry, dashboard). {@link DefaultWiring} is the real one; tests pass their own.
 */
public interface Wiring {

    /** Opens the storage at {@code url} (a JDBC URL, or {@code memory:} for a throw-away one). */
    TrialStorage openStorage(String url);

    /** The trainers study files may name. */
    default List<TrainerFactory> trainers() {
        return List.of();
    }

    /** GPUs this machine offers to trials ({@code parallel.devices: auto} uses them when there are any). */
    default int gpuCount() {
        return 0;
    }
}
