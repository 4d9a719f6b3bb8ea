package io.tunelab.search.study;

import io.tunelab.search.trial.Trial;

/** An objective with one value per study direction; same failure rules as {@link Objective}. */
@FunctionalInterface
public interface MultiObjective {
    double[] evaluate(Trial trial) throws Exception;

    /** {@code objective} as the objective of a study with one direction: its value as the only one. */
    static MultiObjective of(Objective objective) {
        return trial -> new double[] {objective.evaluate(trial)};
    }
}
