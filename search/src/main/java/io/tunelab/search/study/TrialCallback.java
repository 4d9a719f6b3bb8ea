package io.tunelab.search.study;

import io.tunelab.search.trial.FrozenTrial;

/**
 * Called after each trial of {@link Study#optimize} ends, on the thread that ran it. A callback that
 * throws stops the optimisation after the running trials end; the exception is rethrown by optimize.
 */
@FunctionalInterface
public interface TrialCallback {
    void afterTrial(Study study, FrozenTrial trial);
}
