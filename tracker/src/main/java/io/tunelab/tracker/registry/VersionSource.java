package io.tunelab.tracker.registry;

import io.tunelab.search.trial.ArtifactRef;

/**
 * Where a model version came from.
 *
 * @param trialId     the source trial's id
 * @param study       its study's name
 * @param trialNumber its number within the study
 * @param artifact    the trial artifact holding the model, or null
 */
public record VersionSource(long trialId, String study, int trialNumber, ArtifactRef artifact) {
}
