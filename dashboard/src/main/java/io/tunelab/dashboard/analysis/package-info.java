/**
 * Study analytics computed on the server: the optimisation history's best-so-far line and the samples the
 * charts draw (parameter importance is {@code search}'s {@code importance} package). Pure
 * functions of trial snapshots; depends on {@code search}'s trial and space packages. (Pareto fronts are
 * the tracker's {@code query.ParetoSet}, which study summaries count too.)
 */
package io.tunelab.dashboard.analysis;
