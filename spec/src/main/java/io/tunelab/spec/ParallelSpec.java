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
 */
public record ParallelSpec(int workers, DeviceMode devices, List<Slot> slots) {
    /** One worker, devices chosen automatically. */
    public static final ParallelSpec DEFAULT = new ParallelSpec(1, DeviceMode.AUTO, List.of());

    /** How devices are chosen. */
    public enum DeviceMode { AUTO, CPU, LIST }

    public ParallelSpec {
        slots = List.copyOf(slots);
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be at least 1, got " + workers);
        }
    }
}
