package io.tunelab.trainers.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory DJL's engine reports: its GPU count and, per GPU, total and free memory from DJL's CUDA
 * utilities, with names from {@code nvidia-smi -L} (by index) when the driver lists them. When neither
 * the driver lists a GPU nor DJL finds a CUDA runtime, there is none to use and the engine is not started
 * for the GPU list (only {@link #build} starts it), so CPU-only machines running Tribuo never load
 * PyTorch. Each part is taken once; free memory is as of that moment.
 */
final class EngineInventory implements DeviceInventory {
    static final EngineInventory INSTANCE = new EngineInventory();

    private List<String> visible;
    private List<GpuInfo> gpus;
    private EngineBuild build;

    private EngineInventory() {
    }

    @Override
    public int cpuCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public synchronized List<String> visibleGpus() {
        if (visible == null) {
            visible = List.copyOf(NvidiaSmi.listGpus());
        }
        return visible;
    }

    @Override
    public synchronized List<GpuInfo> gpus() {
        if (gpus == null) {
            gpus = visibleGpus().isEmpty() && !cudaRuntimePresent() ? List.of() : engineGpus(visibleGpus());
        }
        return gpus;
    }

    @Override
    public synchronized EngineBuild build() {
        if (build == null) {
            Engine engine = PyTorchNatives.engine();
            build = new EngineBuild(engine.getEngineName(), engine.getVersion(), EngineBuild.flavorOf(PyTorchNatives.libraryPath()));
        }
        return build;
    }

    /** Whether DJL finds a CUDA runtime with a device (without starting the engine); false when it cannot look. */
    private static boolean cudaRuntimePresent() {
        try {
            return CudaUtils.hasCuda();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static List<GpuInfo> engineGpus(List<String> names) {
        Engine engine = PyTorchNatives.engine();
        List<GpuInfo> found = new ArrayList<>();
        for (int i = 0; i < engine.getGpuCount(); i++) {
            MemoryUsage memory = CudaUtils.getGpuMemory(Device.gpu(i));
            long total = memory.getMax();
            long free = Math.max(0, Math.min(total, total - memory.getCommitted()));
            String name = i < names.size() ? names.get(i)
                    : "CUDA GPU " + i + " (compute capability " + CudaUtils.getComputeCapability(i) + ")";
            found.add(new GpuInfo(i, name, total, free));
        }
        return List.copyOf(found);
    }
}
