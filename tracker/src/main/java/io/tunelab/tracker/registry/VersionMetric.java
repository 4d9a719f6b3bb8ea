package io.tunelab.tracker.registry;

/**
 * A metric of the source trial as it was when the version was created.
 *
 * @param count    points logged
 * @param lastStep the latest step
 * @param last     the value at the latest step
 * @param min      the smallest finite value, or null
 * @param max      the largest finite value, or null
 */
public record VersionMetric(long count, long lastStep, double last, Double min, Double max) {
}
