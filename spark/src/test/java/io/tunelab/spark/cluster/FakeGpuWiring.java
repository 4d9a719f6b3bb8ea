package io.tunelab.spark.cluster;

import io.tunelab.search.study.Objective;
import io.tunelab.spark.ObjectiveSwappingWiring;
import io.tunelab.trainers.device.DeviceInventory;
import io.tunelab.trainers.device.FixedDeviceInventory;

/**
 * The real wiring on a machine that lists two GPUs ({@code gpu:0}, {@code gpu:1}) it does not have, with the
 * real (CPU) trainers, whose trials last {@value #TRIAL_MILLIS} ms more so that the tasks of two executors overlap.
 */
public final class FakeGpuWiring extends ObjectiveSwappingWiring {
    static final long TRIAL_MILLIS = 200;

    @Override
    protected Objective objective(Objective trained) {
        return SlowTrainersWiring.slowed(trained, TRIAL_MILLIS);
    }

    @Override
    public DeviceInventory devices() {
        return FixedDeviceInventory.withIdenticalGpus(2, 2, "Fake GPU", 1L << 30);
    }
}
