/**
 * Study analytics computed on the server: parameter importance (random-forest functional ANOVA). Pure
 * functions of trial snapshots; depends on {@code search}'s trial and space packages. (Pareto fronts are
 * the tracker's {@code query.ParetoSet}, which study summaries count too.)
 */
package io.tunelab.dashboard.analysis;
