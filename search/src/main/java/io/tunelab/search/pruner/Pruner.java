package io.tunelab.search.pruner;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import java.util.Map;

/**
 * Decides whether a running trial should stop early, from its intermediate values and those of the
 * other trials. Implementations are thread-safe and deterministic for a given history.
 */
public interface Pruner {

    /** Judges {@code trial} (a RUNNING snapshot with its intermediate values) against {@code study}. */
    PruneDecision evaluate(StudyView study, FrozenTrial trial);

    /** The pruner's configuration, for provenance. */
    default Map<String, Object> describe() {
        return Map.of("type", getClass().getSimpleName());
    }
}
