package io.tunelab.cli.run;

import io.tunelab.spec.ParallelSpec;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.exec.SlotPool;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a study's trials run, from its {@code parallel} section: the listed slots; else, with
 * {@code devices: auto} and GPUs present, one GPU slot per worker up to the number of GPUs; else one
 * CPU slot per worker.
 */
public final class SlotPlan {
    private SlotPlan() {
    }

    public static SlotPool of(ParallelSpec parallel, int gpus) {
        if (parallel.devices() == ParallelSpec.DeviceMode.LIST) {
            return new SlotPool(parallel.slots());
        }
        List<Slot> slots = new ArrayList<>();
        if (parallel.devices() == ParallelSpec.DeviceMode.AUTO && gpus > 0) {
            for (int i = 0; i < Math.min(parallel.workers(), gpus); i++) {
                slots.add(Slot.gpu(i));
            }
            return new SlotPool(slots);
        }
        return SlotPool.cpus(parallel.workers());
    }
}
