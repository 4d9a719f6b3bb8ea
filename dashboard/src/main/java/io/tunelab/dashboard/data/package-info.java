/**
 * The dashboard's read port {@link io.tunelab.dashboard.data.DashboardData} (plus the promote action),
 * the dashboard's own records (series, summaries, changes, trial details, promotions), and its two
 * implementations: {@link io.tunelab.dashboard.data.StorageDashboardData} over {@code search}'s
 * {@code TrialStorage} (change feed by polling), and {@link io.tunelab.dashboard.data.TrackerDashboardData}
 * over the tracker ports the application passes in ({@link io.tunelab.dashboard.data.TrackerPorts}: query
 * side, metrics, registry, and a change feed from the tracker's own cursors). Studies, pages of trials and
 * registry entries are the tracker's published records. Depends on {@code search}'s trial and storage
 * packages and on the tracker's port packages ({@code query}, {@code metrics}, {@code registry},
 * {@code provenance}), never on how the tracker is opened or implemented.
 */
package io.tunelab.dashboard.data;
