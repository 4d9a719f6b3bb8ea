package io.tunelab.spark.cluster;

import io.tunelab.search.study.Objective;
import io.tunelab.spark.ObjectiveSwappingWiring;

/**
 * The real wiring with every trainer's trials lasting at least {@value #TRIAL_MILLIS} ms more, so that an
 * executor killed with {@code kill -9} dies in the middle of a trial. Once trained (its parameters recorded),
 * each trial records the pid of the JVM that runs it (the executor) as its user attribute {@value #PID}, then
 * sleeps: a test can kill the process that holds a given RUNNING trial, with the whole sleep still to come.
 */
public final class SlowTrainersWiring extends ObjectiveSwappingWiring {
    static final long TRIAL_MILLIS = 2_500;
    /** The user attribute holding the pid of the process that runs the trial. */
    static final String PID = "executor_pid";

    @Override
    protected Objective objective(Objective trained) {
        return slowed(trained, TRIAL_MILLIS);
    }

    /** {@code trained}, then the pid of this process recorded as the trial's {@value #PID}, then a sleep of {@code millis} ms. */
    static Objective slowed(Objective trained, long millis) {
        return trial -> {
            double value = trained.evaluate(trial);
            trial.setUserAttr(PID, ProcessHandle.current().pid());
            Thread.sleep(millis);
            return value;
        };
    }
}
