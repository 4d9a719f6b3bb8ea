package io.tunelab.dashboard.data;

/**
 * Points of one metric series, as parallel arrays ordered by step. The arrays are owned by this record;
 * callers must not modify them.
 *
 * @param trialId     the trial
 * @param name        series name
 * @param total       how many points the selected range holds before downsampling
 * @param downsampled whether points were dropped (then each bucket kept its minimum and maximum)
 * @param steps       steps
 * @param values      values (NaN and infinities kept)
 * @param wallTimes   wall-clock times, epoch milliseconds
 */
public record MetricSeries(long trialId, String name, int total, boolean downsampled, long[] steps,
                           double[] values, long[] wallTimes) {
    public MetricSeries {
        if (steps.length != values.length || steps.length != wallTimes.length) {
            throw new IllegalArgumentException("series '" + name + "': arrays differ in length: " + steps.length
                    + " steps, " + values.length + " values, " + wallTimes.length + " wall times");
        }
    }

    /** Number of points returned. */
    public int size() {
        return steps.length;
    }
}
