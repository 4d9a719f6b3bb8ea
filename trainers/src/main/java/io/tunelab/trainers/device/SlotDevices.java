package io.tunelab.trainers.device;

import ai.djl.Device;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps an execution slot to the DJL device a trial trains on: {@code gpu:N} (and the packed
 * {@code gpu:N/L}) to GPU N, which must exist; every other kind ({@code cpu:N}...) to the CPU.
 * Java-API objectives use it to train on their trial's slot:
 * <pre>{@code
 * Device device = SlotDevices.ofEngine().deviceFor(trial);
 * }</pre>
 * Immutable and thread-safe.
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

    /** The inventory slots are checked against. */
    public DeviceInventory inventory() {
        return inventory;
    }

    /** The device of the slot {@code trial} holds: what the trial's model and arrays should live on. */
    public Device deviceFor(Trial trial) {
        return deviceFor(trial.slot());
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
        if (inventory.gpu(slot.index()).isEmpty()) {
            throw new TrainersException(missing(slot, inventory));
        }
        return Device.gpu(slot.index());
    }

    /** Why {@code slot} cannot run here: it names a GPU the inventory lacks; the message lists the GPUs found. */
    public static String missing(Slot slot, DeviceInventory inventory) {
        return "slot " + slot + " names GPU " + slot.index() + ", which this machine does not have; GPUs found: "
                + inventory.describeGpus();
    }

    /**
     * What a trial's provenance records about where it ran: the slot, the DJL device and, on a GPU, its
     * name and memory; always the engine build.
     */
    public Map<String, Object> describe(Slot slot) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slot", slot.id());
        m.put("device", deviceFor(slot).toString());
        if (slot.isGpu()) {
            inventory.gpu(slot.index()).ifPresent(g -> m.putAll(g.toMap()));
        }
        m.put("engine", inventory.build().describe());
        return m;
    }
}
