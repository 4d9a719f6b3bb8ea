package io.tunelab.spark;

import io.tunelab.cli.run.SlotPlan;
import io.tunelab.search.exec.Slot;
import io.tunelab.search.exec.SlotPool;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The slots of one Spark task, from what Spark's resource scheduling assigned it: with GPU addresses
 * ({@code spark.task.resource.gpu.amount} set), one slot {@code gpu:N} per address, trials spread over
 * them; without, one CPU slot whose trials use {@code spark.task.cpus} threads.
 */
public final class TaskSlots {
    /** Spark's name of the GPU resource. */
    public static final String GPU = "gpu";

    private TaskSlots() {
    }

    /**
     * The plan of a task given {@code resources} (resource name to its addresses, as the task context
     * reports them) and {@code taskCpus} cores.
     *
     * @throws SparkStudyException when a GPU address is not a device index
     */
    public static SlotPlan plan(Map<String, String[]> resources, int taskCpus) {
        String[] gpus = resources.getOrDefault(GPU, new String[0]);
        if (gpus.length == 0) {
            return new SlotPlan(SlotPool.cpus(1), Math.max(1, taskCpus));
        }
        List<Slot> slots = Arrays.stream(gpus).map(TaskSlots::gpu).toList();
        return new SlotPlan(new SlotPool(slots), Math.max(1, taskCpus / slots.size()));
    }

    private static Slot gpu(String address) {
        try {
            return Slot.gpu(Integer.parseInt(address.trim()));
        } catch (NumberFormatException e) {
            throw new SparkStudyException("spark.task.resource.gpu: expected GPU addresses that are device indexes"
                    + " (0, 1, ...) as the discovery script reports them, got '" + address + "'");
        }
    }
}
