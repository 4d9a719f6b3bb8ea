package io.tunelab.trainers.device;

import java.util.Arrays;
import java.util.List;

/**
 * An inventory given as values: for tests, and for wirings that must not start the engine.
 *
 * @param cpuCores    cores, at least 1
 * @param build       the engine build
 * @param gpus        GPUs the engine can train on
 * @param visibleGpus names the NVIDIA driver lists
 */
public record FixedDeviceInventory(int cpuCores, EngineBuild build, List<GpuInfo> gpus, List<String> visibleGpus)
        implements DeviceInventory {
    /** The engine build of the default, CPU-only Tunelab build. */
    public static final EngineBuild CPU_BUILD = new EngineBuild("PyTorch", "2.5.1", "cpu");
    /** The engine build of {@code mvn -Pgpu}. */
    public static final EngineBuild CUDA_BUILD = new EngineBuild("PyTorch", "2.5.1", "cu124");

    public FixedDeviceInventory {
        if (cpuCores < 1) {
            throw new io.tunelab.trainers.TrainersException("cpu cores must be at least 1, got " + cpuCores);
        }
        gpus = List.copyOf(gpus);
        visibleGpus = List.copyOf(visibleGpus);
    }

    /** A machine with {@code cores} cores, no GPU, and the CPU build. */
    public static FixedDeviceInventory cpuOnly(int cores) {
        return new FixedDeviceInventory(cores, CPU_BUILD, List.of(), List.of());
    }

    /** A machine with {@code cores} cores and these GPUs on the CUDA build. */
    public static FixedDeviceInventory withGpus(int cores, GpuInfo... gpus) {
        return new FixedDeviceInventory(cores, CUDA_BUILD, Arrays.asList(gpus),
                Arrays.stream(gpus).map(GpuInfo::name).toList());
    }

    /** {@code n} identical GPUs named {@code name} with {@code bytes} of memory each, all free. */
    public static FixedDeviceInventory withIdenticalGpus(int cores, int n, String name, long bytes) {
        return withGpus(cores, java.util.stream.IntStream.range(0, n).mapToObj(i -> new GpuInfo(i, name, bytes, bytes))
                .toArray(GpuInfo[]::new));
    }
}
