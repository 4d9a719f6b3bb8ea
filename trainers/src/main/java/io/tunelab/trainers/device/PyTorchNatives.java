package io.tunelab.trainers.device;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

/** The two facts and the one action of PyTorch's native library that device handling needs beyond DJL's API. */
public final class PyTorchNatives {
    private PyTorchNatives() {
    }

    /**
     * DJL's PyTorch engine, started if needed, with oneDNN's instruction set chosen first
     * ({@link OneDnnIsa#limit()}). Every engine use of this package goes through here.
     */
    static Engine engine() {
        OneDnnIsa.limit();
        return Engine.getInstance();
    }

    /** Where the native library was loaded from; its name carries the build's flavour ({@code cpu}, {@code cu124}). */
    public static String libraryPath() {
        engine();
        return LibUtils.getLibtorchPath();
    }

    /** Returns PyTorch's cached GPU memory to the driver; does nothing when the engine has no GPU. */
    public static void emptyCudaCache() {
        if (engine().getGpuCount() > 0) {
            JniUtils.emptyCudaCache();
        }
    }
}
