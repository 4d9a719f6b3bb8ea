/**
 * Study analytics computed on the server: parameter importance (random-forest functional ANOVA) and
 * Pareto fronts. Pure functions of trial snapshots; depends on {@code search}'s trial and space packages.
 */
package io.tunelab.dashboard.analysis;
