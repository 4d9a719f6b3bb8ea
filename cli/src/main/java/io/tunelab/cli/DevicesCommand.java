package io.tunelab.cli;

import io.tunelab.cli.wiring.Wiring;
import io.tunelab.trainers.device.DeviceInventory;
import io.tunelab.trainers.device.GpuInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab devices}: what trials can run on here: CPU cores, each GPU the engine sees with its
 * memory, and the engine build; when the build is CPU-only but the NVIDIA driver lists GPUs, how to
 * get the GPU build. Always exits 0.
 */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "Show the CPU cores, GPUs and engine build trials can use on this machine.")
final class DevicesCommand implements Callable<Integer> {
    /** The command that builds the GPU variant. */
    static final String GPU_BUILD = "mvn -B -ntp -Pgpu -DskipTests package";

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    DevicesCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        DeviceInventory devices = wiring.devices();
        out.println("CPU:    " + devices.cpuCores() + (devices.cpuCores() == 1 ? " core" : " cores"));
        out.println("Engine: " + devices.build().describe());
        if (devices.gpus().isEmpty()) {
            out.println("GPUs:   none the engine can use");
        } else {
            out.println("GPUs:   " + devices.gpuCount());
            for (GpuInfo gpu : devices.gpus()) {
                out.println("  " + gpu.describe());
            }
        }
        if (!devices.visibleGpus().isEmpty() && !devices.build().isCuda()) {
            out.println();
            out.println("nvidia-smi lists " + devices.visibleGpus().size() + " GPU(s): "
                    + String.join(", ", devices.visibleGpus()) + ".");
            out.println("This is the CPU build. Build the GPU one (CUDA 12.4 natives) with `" + GPU_BUILD
                    + "`; ./tunelab does so by itself when nvidia-smi lists a GPU.");
        } else if (devices.build().isCuda() && devices.gpus().isEmpty()) {
            out.println();
            out.println("This is the GPU build, but the engine finds no GPU: check the NVIDIA driver (`nvidia-smi`).");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
