package io.tunelab.dashboard.data;

import io.tunelab.dashboard.DashboardException;

/**
 * Which part of a metric series to read, and how many points at most.
 *
 * @param fromStep  first step to include, or {@code Long.MIN_VALUE}
 * @param toStep    last step to include, or {@code Long.MAX_VALUE}
 * @param afterStep only points with a larger step (for live updates), or {@code Long.MIN_VALUE}
 * @param maxPoints at most this many points, keeping each bucket's minimum and maximum; 0 for every point
 */
public record SeriesQuery(long fromStep, long toStep, long afterStep, int maxPoints) {
    /** The largest {@code maxPoints} a caller may ask for, other than 0 (all). */
    public static final int MAX_POINTS_LIMIT = 20_000;

    public SeriesQuery {
        if (maxPoints < 0 || maxPoints > MAX_POINTS_LIMIT || maxPoints == 1) {
            throw DashboardException.badRequest("maxPoints must be 0 (every point) or between 2 and "
                    + MAX_POINTS_LIMIT + ", got " + maxPoints);
        }
        if (fromStep > toStep) {
            throw DashboardException.badRequest("from step " + fromStep + " is after to step " + toStep);
        }
    }

    /** Every point of the series. */
    public static SeriesQuery all() {
        return new SeriesQuery(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, 0);
    }

    /** The whole series in at most {@code maxPoints} points. */
    public static SeriesQuery downsampled(int maxPoints) {
        return new SeriesQuery(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, maxPoints);
    }

    /** Whether a point at {@code step} is selected. */
    public boolean includes(long step) {
        return step >= fromStep && step <= toStep && step > afterStep;
    }
}
