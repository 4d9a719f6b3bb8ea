package io.tunelab.tracker.query;

/**
 * What deleting a study removed.
 *
 * @param study         the study's name
 * @param trials        how many trials it had
 * @param artifactFiles how many artifact files (trial artifacts and summary images) the tracker had copied for it
 */
public record DeletedStudy(String study, int trials, int artifactFiles) {
}
