/**
 * The trials filter language and sort keys shared by the dashboard's trials table and {@code tunelab trials}:
 * {@link io.tunelab.tracker.filter.FilterParser} (which also parses MLflow's AND-only {@code filter_string}),
 * field references ({@link io.tunelab.tracker.filter.FieldResolver}) read from a
 * {@link io.tunelab.tracker.filter.TrialView}, and {@link io.tunelab.tracker.filter.TrialOrder} (MLflow's
 * {@code order_by}). Pure functions of trial snapshots and metric aggregates; depends on the search module's trial,
 * sampler and text packages and on the tracker's exception root only.
 */
package io.tunelab.tracker.filter;
