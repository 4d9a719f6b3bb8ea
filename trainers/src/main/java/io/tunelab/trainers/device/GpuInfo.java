package io.tunelab.trainers.device;

import io.tunelab.trainers.TrainersException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One GPU the engine can train on.
 *
 * @param index      the CUDA device index, as in slot {@code gpu:INDEX}
 * @param name       the product name (e.g. {@code NVIDIA A100-SXM4-40GB}), or a description when unknown
 * @param totalBytes its memory in bytes
 * @param freeBytes  memory free when the inventory was taken, or -1 when unknown
 */
public record GpuInfo(int index, String name, long totalBytes, long freeBytes) {
    private static final double GIB = 1024.0 * 1024 * 1024;

    public GpuInfo {
        if (index < 0) {
            throw new TrainersException("GPU index must be 0 or more, got " + index);
        }
        if (name == null || name.isBlank()) {
            throw new TrainersException("GPU " + index + " needs a name, got '" + name + "'");
        }
        if (totalBytes < 0 || freeBytes < -1 || freeBytes > totalBytes) {
            throw new TrainersException("GPU " + index + " memory must be total >= free >= 0 (free -1 when unknown), got total "
                    + totalBytes + " and free " + freeBytes);
        }
    }

    /** {@code gpu:1 NVIDIA A100 (40.0 GiB, 39.2 GiB free)}. */
    public String describe() {
        return "gpu:" + index + " " + name + " (" + gib(totalBytes) + (freeBytes < 0 ? "" : ", " + gib(freeBytes) + " free") + ")";
    }

    /** What a trial's provenance records about the GPU it ran on. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("gpu_index", index);
        m.put("gpu_name", name);
        m.put("gpu_memory_bytes", totalBytes);
        return m;
    }

    static String gib(long bytes) {
        return String.format(Locale.ROOT, "%.1f GiB", bytes / GIB);
    }
}
