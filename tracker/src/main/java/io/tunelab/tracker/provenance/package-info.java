/**
 * Provenance of trials: the seed, sampler and pruner configuration, dataset fingerprint, Java, OS and
 * library versions, host, worker and times that produced each result, and the store that keeps them.
 * Depends on db.
 */
package io.tunelab.tracker.provenance;
