package io.tunelab.tracker.metrics;

import java.time.Instant;

/**
 * The table-column view of one series, kept up to date by the writer.
 *
 * @param trialId    the trial
 * @param name       series name
 * @param count      points logged
 * @param lastStep   the highest step logged (ties: the point logged last)
 * @param lastValue  that point's value (may be NaN or infinite)
 * @param lastWall   that point's wall time
 * @param min        the smallest finite value, or null if there is none
 * @param max        the largest finite value, or null if there is none
 */
public record SeriesSummary(long trialId, String name, long count, long lastStep, double lastValue, Instant lastWall,
                            Double min, Double max) {
}
