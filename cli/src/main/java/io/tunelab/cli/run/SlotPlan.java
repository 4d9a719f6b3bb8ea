package io.tunelab.cli.run;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.exec.SlotPool;
import io.tunelab.spec.ParallelSpec;
import io.tunelab.trainers.device.CpuThreads;
import io.tunelab.trainers.device.DeviceInventory;
import io.tunelab.trainers.device.SlotDevices;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a study's trials run, from its {@code parallel} section and this machine's devices: with
 * {@code devices: auto} every GPU found, else {@code workers} CPU slots; with a list exactly the listed
 * slots; {@code cpu} CPU slots only. Each GPU gets {@code trials_per_gpu} slots ({@code gpu:0},
 * {@code gpu:0/1}...), ordered so that trials spread over the GPUs before sharing one. A slot naming a
 * GPU that is not there is an input error, raised before any trial starts.
 *
 * @param slots              the slots the trials borrow
 * @param cpuThreadsPerTrial PyTorch's intra-op threads for each trial: the cores divided by the slots, at least 1
 */
public record SlotPlan(SlotPool slots, int cpuThreadsPerTrial) {

    /** The plan of {@code parallel} on the machine {@code devices} describes. */
    public static SlotPlan of(ParallelSpec parallel, DeviceInventory devices) {
        List<Slot> devicesToUse = switch (parallel.devices()) {
            case LIST -> parallel.slots();
            case AUTO -> devices.gpuCount() > 0 ? devices.gpus().stream().map(g -> Slot.gpu(g.index())).toList()
                    : cpus(parallel.workers());
            case CPU -> cpus(parallel.workers());
        };
        return of(new SlotPool(packed(devicesToUse, parallel.trialsPerGpu())), devices, "parallel.devices");
    }

    /**
     * The plan of slots given as they are (a worker's {@code --slots}), checked against {@code devices}.
     *
     * @param origin where the user gave the slots ({@code --slots}, {@code parallel.devices}): what an error names
     */
    public static SlotPlan of(SlotPool slots, DeviceInventory devices, String origin) {
        check(slots.slots(), devices, origin);
        return new SlotPlan(slots, CpuThreads.perTrial(devices.cpuCores(), slots.size()));
    }

    private static List<Slot> cpus(int n) {
        return SlotPool.cpus(n).slots();
    }

    /** Each GPU slot repeated as {@code perGpu} lanes, lane by lane; other slots once. */
    static List<Slot> packed(List<Slot> slots, int perGpu) {
        List<Slot> out = new ArrayList<>(slots);
        for (int lane = 1; lane < perGpu; lane++) {
            for (Slot s : slots) {
                if (s.isGpu()) {
                    out.add(s.withLane(lane));
                }
            }
        }
        return out;
    }

    private static void check(List<Slot> slots, DeviceInventory devices, String origin) {
        for (Slot s : slots) {
            if (s.isGpu() && devices.gpu(s.index()).isEmpty()) {
                throw new CliException(origin + ": " + SlotDevices.missing(s, devices)
                        + ". Run `tunelab devices` to see this machine's devices; nothing was run.");
            }
        }
    }
}
