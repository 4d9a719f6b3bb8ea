package io.tunelab.spark.cluster;

import io.tunelab.search.study.Objective;
import io.tunelab.spark.ObjectiveSwappingWiring;

/**
 * The real wiring with every trainer's trials lasting at least {@value #TRIAL_MILLIS} ms more, so that an
 * executor killed with {@code kill -9} dies in the middle of a trial.
 */
public final class SlowTrainersWiring extends ObjectiveSwappingWiring {
    static final long TRIAL_MILLIS = 2_500;

    @Override
    protected Objective objective(Objective trained) {
        return slowed(trained, TRIAL_MILLIS);
    }

    /** {@code trained}, then a sleep of {@code millis} ms. */
    static Objective slowed(Objective trained, long millis) {
        return trial -> {
            double value = trained.evaluate(trial);
            Thread.sleep(millis);
            return value;
        };
    }
}
