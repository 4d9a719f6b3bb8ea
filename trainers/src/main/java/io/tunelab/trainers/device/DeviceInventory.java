package io.tunelab.trainers.device;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The processors this process can train on: CPU cores, the GPUs the engine sees, the engine's build,
 * and the GPUs the NVIDIA driver lists (which a CPU-only build cannot use). The real one is
 * {@link #engine()}; tests use {@link FixedDeviceInventory}. Implementations are thread-safe.
 */
public interface DeviceInventory {
    /** Cores the JVM may use. */
    int cpuCores();

    /** The GPUs the engine can train on, by index; empty on a CPU-only machine or build. */
    List<GpuInfo> gpus();

    /** The engine and the flavour of its native library. */
    EngineBuild build();

    /** GPU names {@code nvidia-smi -L} lists, whatever the build; empty without the NVIDIA driver. */
    List<String> visibleGpus();

    /** Number of GPUs the engine can train on. */
    default int gpuCount() {
        return gpus().size();
    }

    /** GPU {@code index}, if the engine has it. */
    default Optional<GpuInfo> gpu(int index) {
        return gpus().stream().filter(g -> g.index() == index).findFirst();
    }

    /**
     * The GPUs found, for messages: {@code gpu:0 NVIDIA A100 (40.0 GiB), ...}, or {@code none} with
     * the reason and the remedy when GPUs are visible to the driver but not to this build.
     */
    default String describeGpus() {
        if (!gpus().isEmpty()) {
            return gpus().stream().map(GpuInfo::describe).collect(Collectors.joining(", "));
        }
        if (!visibleGpus().isEmpty() && !build().isCuda()) {
            return "none usable: this is the CPU build of " + build().engine() + " while nvidia-smi lists "
                    + visibleGpus().size() + " GPU(s); build with -Pgpu (./tunelab does when nvidia-smi lists a GPU)";
        }
        return "none";
    }

    /** What the DJL engine and the NVIDIA driver report, taken once (starts the engine on first use). */
    static DeviceInventory engine() {
        return EngineInventory.INSTANCE;
    }
}
