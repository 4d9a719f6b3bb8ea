package io.tunelab.trainers.device;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

/** The two facts and the one action of PyTorch's native library that device handling needs beyond DJL's API. */
public final class PyTorchNatives {
    private PyTorchNatives() {
    }

    /**
     * DJL's PyTorch engine, started if needed, with oneDNN switched off for CPU convolutions when the user
     * asked for that ({@link OneDnn}). Every engine use of the trainers goes through here.
     */
    public static Engine engine() {
        Engine engine = Engine.getEngine("PyTorch");
        OneDnn.atStart(LibUtils.getLibtorchPath());
        return engine;
    }

    /**
     * Called before a network is built: switches oneDNN off for the rest of the process when the network
     * {@code described} has a convolution of fewer than {@link OneDnn#SAFE_CHANNELS} channels.
     */
    public static void prepareConvolutions(int narrowestChannels, String described) {
        engine();
        OneDnn.beforeNetwork(narrowestChannels, described, LibUtils.getLibtorchPath());
    }

    /** Whether PyTorch may use oneDNN for CPU convolutions now, and why; starts the engine if needed. */
    public static OneDnn.Decision oneDnn() {
        engine();
        return OneDnn.current();
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
