/**
 * Provenance of trials: the seed, sampler and pruner configuration, dataset fingerprint, Java, OS and
 * library versions, host, worker and times that produced each result
 * ({@link io.tunelab.tracker.provenance.Provenance}), and the port that keeps them
 * ({@link io.tunelab.tracker.provenance.ProvenanceStore}). Depends on nothing else in the tracker but its
 * exception root.
 */
package io.tunelab.tracker.provenance;
