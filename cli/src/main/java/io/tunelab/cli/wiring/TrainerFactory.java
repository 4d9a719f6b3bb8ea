package io.tunelab.cli.wiring;

import io.tunelab.cli.spec.StudySpec;
import io.tunelab.search.study.Objective;

/**
 * Builds the objective for the trainers it handles, from a validated study file: the data set named
 * in {@code data}, the fit options in {@code fit}, the metric named in {@code metric}.
 */
public interface TrainerFactory {

    /** Whether this factory builds the trainer called {@code name} (e.g. {@code tribuo-xgboost}). */
    boolean handles(String name);

    /** The trainer's objective; loads data now, so problems surface before the first trial. */
    Objective create(StudySpec spec);
}
