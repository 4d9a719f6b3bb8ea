/**
 * The tracker's query side for readers such as the dashboard and the CLI: study summaries, paged and
 * cursor-based trial reads (only what changed since the last poll), with metric reads in
 * {@link io.tunelab.tracker.metrics.MetricQueries}. Read-only. Depends on db, store and provenance.
 */
package io.tunelab.tracker.query;
