package io.tunelab.spark;

import io.tunelab.search.study.Objective;

/**
 * The real wiring whose trainers' trials all fail with {@value #ERROR} after 20 ms, as those of a study
 * misconfigured for the machine would.
 */
public final class BrokenTrainersWiring extends ObjectiveSwappingWiring {
    static final String ERROR = "cannot open /data/missing.csv";

    @Override
    protected Objective objective(Objective trained) {
        return trial -> {
            Thread.sleep(20);
            throw new IllegalStateException(ERROR);
        };
    }
}
