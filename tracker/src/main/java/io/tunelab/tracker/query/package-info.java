/**
 * The tracker's read side for viewers such as the dashboard and the CLI:
 * {@link io.tunelab.tracker.query.TrackerQueries} (study summaries, pages of trials, what changed since
 * a cursor) and {@link io.tunelab.tracker.query.ChangeQueries} (the indexed reads behind a live change
 * feed), with their records ({@link io.tunelab.tracker.query.StudySummary},
 * {@link io.tunelab.tracker.query.TrialPage}) and {@link io.tunelab.tracker.query.ParetoSet}. Metric reads
 * are in {@code metrics}. Read-only. Depends on provenance.
 */
package io.tunelab.tracker.query;
