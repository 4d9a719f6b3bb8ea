package io.tunelab.trainers.device;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.cuda.CudaUtils;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory DJL's engine reports: its GPU count and, per GPU, total and free memory from DJL's CUDA
 * utilities, with names from {@code nvidia-smi -L} (by index) when the driver lists them. The GPU list and
 * the build are taken once; free memory is as of that moment.
 */
final class EngineInventory implements DeviceInventory {
    static final EngineInventory INSTANCE = new EngineInventory();

    private volatile FixedDeviceInventory taken;

    private EngineInventory() {
    }

    @Override
    public int cpuCores() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public List<GpuInfo> gpus() {
        return taken().gpus();
    }

    @Override
    public EngineBuild build() {
        return taken().build();
    }

    @Override
    public List<String> visibleGpus() {
        return taken().visibleGpus();
    }

    private FixedDeviceInventory taken() {
        FixedDeviceInventory t = taken;
        if (t == null) {
            synchronized (this) {
                t = taken;
                if (t == null) {
                    t = take();
                    taken = t;
                }
            }
        }
        return t;
    }

    private FixedDeviceInventory take() {
        Engine engine = Engine.getInstance();
        List<String> names = NvidiaSmi.listGpus();
        EngineBuild build = new EngineBuild(engine.getEngineName(), engine.getVersion(),
                EngineBuild.flavorOf(LibUtils.getLibtorchPath()));
        List<GpuInfo> gpus = new ArrayList<>();
        for (int i = 0; i < engine.getGpuCount(); i++) {
            MemoryUsage memory = CudaUtils.getGpuMemory(Device.gpu(i));
            long total = memory.getMax();
            long free = Math.max(0, Math.min(total, total - memory.getCommitted()));
            String name = i < names.size() ? names.get(i)
                    : "CUDA GPU " + i + " (compute capability " + CudaUtils.getComputeCapability(i) + ")";
            gpus.add(new GpuInfo(i, name, total, free));
        }
        return new FixedDeviceInventory(cpuCores(), build, gpus, names);
    }
}
