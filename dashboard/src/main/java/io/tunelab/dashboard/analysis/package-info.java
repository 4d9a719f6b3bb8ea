/**
 * Study analytics computed on the server: parameter importance (random-forest functional ANOVA) and the
 * optimisation history's best-so-far line. Pure
 * functions of trial snapshots; depends on {@code search}'s trial and space packages. (Pareto fronts are
 * the tracker's {@code query.ParetoSet}, which study summaries count too.)
 */
package io.tunelab.dashboard.analysis;
