package io.tunelab.tracker.provenance;

import java.util.Optional;

/**
 * Keeps one {@link Provenance} per trial. The tracking store records it when a trial finishes, in the
 * same transaction; {@link #save} replaces it (e.g. after a dataset fingerprint is known).
 * Thread-safe; errors are {@code TrackerException}s (UNAVAILABLE when the database cannot be reached).
 */
public interface ProvenanceStore {

    /** Records or replaces the provenance of {@code provenance.trialId()}. */
    void save(Provenance provenance);

    /** The trial's provenance, empty if none was recorded (an unfinished or unknown trial). */
    Optional<Provenance> find(long trialId);
}
