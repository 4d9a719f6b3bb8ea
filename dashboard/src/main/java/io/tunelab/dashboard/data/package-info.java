/**
 * The dashboard's read port {@link io.tunelab.dashboard.data.DashboardData} (plus the promote action),
 * the records it returns, and its first implementation over {@code search}'s {@code TrialStorage}.
 * Depends on {@code search}'s trial and storage packages only; an adapter over the tracker's query side
 * implements the same port.
 */
package io.tunelab.dashboard.data;
