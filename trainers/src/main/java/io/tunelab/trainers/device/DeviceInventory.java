package io.tunelab.trainers.device;

import ai.djl.engine.Engine;

/** The accelerators this process can use. Implementations are thread-safe. */
@FunctionalInterface
public interface DeviceInventory {
    /** Number of GPUs the engine sees (0 on a CPU-only machine or build). */
    int gpuCount();

    /** What the DJL engine reports (starts the engine on first use). */
    static DeviceInventory engine() {
        return () -> Engine.getInstance().getGpuCount();
    }
}
