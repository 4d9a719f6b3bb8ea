/**
 * Per-step scalar series: the background {@link io.tunelab.tracker.metrics.MetricWriter} that batches
 * points into the database so training loops never wait on it, and the read side
 * ({@link io.tunelab.tracker.metrics.MetricQueries}): full series, min/max-preserving downsampling,
 * per-series summaries and cursor-based reads of new points. Depends on db.
 */
package io.tunelab.tracker.metrics;
