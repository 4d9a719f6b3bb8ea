package io.tunelab.search.study;

import io.tunelab.search.trial.Trial;

/**
 * A single-objective function to optimise: samples its parameters from the trial, returns the value.
 * Throwing {@link io.tunelab.search.trial.TrialPrunedException} ends the trial as PRUNED; any other
 * exception ends it as FAIL with the exception's message, and the study goes on.
 */
@FunctionalInterface
public interface Objective {
    double evaluate(Trial trial) throws Exception;
}
