package io.tunelab.spec;

import io.tunelab.search.exec.Slot;
import java.util.List;

/**
 * How many trials run at once and where.
 *
 * @param workers trials running at once, at least 1
 * @param devices {@link DeviceMode#AUTO}: GPUs when present, else CPU slots; {@link DeviceMode#CPU}:
 *                CPU slots only; {@link DeviceMode#LIST}: exactly the listed slots
 * @param slots   the listed slots for {@code LIST}, empty otherwise
 * @param trialsPerGpu trials that share each GPU at once ({@code trials_per_gpu}, default 1), each in its own slot
 */
public record ParallelSpec(int workers, DeviceMode devices, List<Slot> slots, int trialsPerGpu) {
    /** One worker, devices chosen automatically. */
    public static final ParallelSpec DEFAULT = new ParallelSpec(1, DeviceMode.AUTO, List.of());

    /** How devices are chosen. */
    public enum DeviceMode { AUTO, CPU, LIST }

    public ParallelSpec {
        slots = List.copyOf(slots);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
        if (trialsPerGpu < 1) {
            throw new IllegalArgumentException("trials_per_gpu must be at least 1, got " + trialsPerGpu);
        }
    }

    /** One trial per GPU. */
    public ParallelSpec(int workers, DeviceMode devices, List<Slot> slots) {
        this(workers, devices, slots, 1);
    }
}
