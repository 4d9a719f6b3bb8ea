package io.tunelab.dashboard.data;

/**
 * Last, minimum and maximum of one metric series (for table columns and comparisons).
 *
 * @param trialId  the trial
 * @param name     series name
 * @param count    number of points
 * @param lastStep step of the last point
 * @param last     value at the last step
 * @param min      smallest value, ignoring NaN (NaN if every value is NaN)
 * @param max      largest value, ignoring NaN (NaN if every value is NaN)
 */
public record MetricSummary(long trialId, String name, long count, long lastStep, double last, double min,
                            double max) {

    /** The aggregate called {@code last}, {@code min} or {@code max}. */
    public double get(String aggregate) {
        return switch (aggregate) {
            case "last" -> last;
            case "min" -> min;
            case "max" -> max;
            default -> throw new IllegalArgumentException("aggregate must be last, min or max, got '" + aggregate + "'");
        };
    }
}
