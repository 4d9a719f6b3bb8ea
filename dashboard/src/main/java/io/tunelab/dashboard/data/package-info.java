/**
 * The dashboard's read port {@link io.tunelab.dashboard.data.DashboardData} (plus the promote action),
 * the records it returns, and its two implementations: {@link io.tunelab.dashboard.data.StorageDashboardData}
 * over {@code search}'s {@code TrialStorage} (change feed by polling), and
 * {@link io.tunelab.dashboard.data.TrackerDashboardData} over the tracker (query side, registry, and a
 * change feed from the tracker's own cursors). Depends on {@code search}'s trial and storage packages and
 * on the tracker's setup, query, metrics and registry packages.
 */
package io.tunelab.dashboard.data;
