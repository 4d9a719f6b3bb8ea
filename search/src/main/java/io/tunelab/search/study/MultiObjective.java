package io.tunelab.search.study;

import io.tunelab.search.trial.Trial;

/** An objective with one value per study direction; same failure rules as {@link Objective}. */
@FunctionalInterface
public interface MultiObjective {
    double[] evaluate(Trial trial) throws Exception;
}
