/**
 * Per-step scalar series, read side: the port {@link io.tunelab.tracker.metrics.MetricQueries} (full
 * series, step ranges, min/max-preserving downsampling with {@link io.tunelab.tracker.metrics.Downsampler},
 * per-series summaries and cursor reads of new points) and its records. Points are written through the
 * tracking store's {@code logMetrics}. Depends on nothing else in the tracker but its exception root.
 */
package io.tunelab.tracker.metrics;
