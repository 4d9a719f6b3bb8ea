package io.tunelab.trainers.device;

import ai.djl.Device;
import io.tunelab.search.exec.Slot;
import io.tunelab.trainers.TrainersException;

/**
 * Maps an execution slot to the DJL device a trial trains on: {@code gpu:N} to GPU N, which must exist;
 * every other kind ({@code cpu:N}...) to the CPU. Immutable and thread-safe.
 */
public final class SlotDevices {
    private final DeviceInventory inventory;

    public SlotDevices(DeviceInventory inventory) {
        this.inventory = inventory;
    }

    /** Checked against the engine's GPUs. */
    public static SlotDevices ofEngine() {
        return new SlotDevices(DeviceInventory.engine());
    }

    /**
     * The device for {@code slot}.
     *
     * @throws TrainersException when the slot names a GPU this machine does not have
     */
    public Device deviceFor(Slot slot) {
        if (!slot.isGpu()) {
            return Device.cpu();
        }
        int gpus = inventory.gpuCount();
        if (slot.index() >= gpus) {
            throw new TrainersException("slot " + slot + " asks for GPU " + slot.index() + " but this machine has "
                    + (gpus == 0 ? "no GPU (or the build lacks CUDA: build with -Pgpu)" : gpus + " GPU(s), numbered 0 to " + (gpus - 1)));
        }
        return Device.gpu(slot.index());
    }
}
