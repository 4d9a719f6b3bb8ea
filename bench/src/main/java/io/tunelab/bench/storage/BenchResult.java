package io.tunelab.bench.storage;

import java.util.List;
import java.util.Locale;

/**
 * One measured figure.
 *
 * @param metric what was measured, e.g. {@code metric_ingest}
 * @param value  the figure
 * @param unit   its unit, e.g. {@code points/s} or {@code ms}
 */
public record BenchResult(String metric, double value, String unit) {

    /** The CSV form: a {@code metric,value,unit} header and one line per result. */
    public static String csv(List<BenchResult> results) {
        StringBuilder sb = new StringBuilder("metric,value,unit\n");
        for (BenchResult r : results) {
            sb.append(r.metric()).append(',').append(String.format(Locale.ROOT, "%.1f", r.value())).append(',')
                    .append(r.unit()).append('\n');
        }
        return sb.toString();
    }

    /** A fixed-width table for a terminal. */
    public static String table(List<BenchResult> results) {
        int width = results.stream().mapToInt(r -> r.metric().length()).max().orElse(6);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-" + width + "s  %14s  %s%n", "metric", "value", "unit"));
        for (BenchResult r : results) {
            sb.append(String.format(Locale.ROOT, "%-" + width + "s  %,14.1f  %s%n", r.metric(), r.value(), r.unit()));
        }
        return sb.toString();
    }
}
