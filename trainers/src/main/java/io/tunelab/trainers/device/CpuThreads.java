package io.tunelab.trainers.device;

import ai.djl.pytorch.jni.JniUtils;
import io.tunelab.trainers.TrainersException;

/**
 * PyTorch's intra-op thread pool, which is process-wide: set it once, from whatever thread, before
 * trials start. See the package documentation for the rule (one thread per parallel CPU trial).
 */
public final class CpuThreads {
    private CpuThreads() {
    }

    /** Intra-op threads for each of {@code parallelTrials} CPU trials on {@code cores} cores: cores / trials, at least 1. */
    public static int perTrial(int cores, int parallelTrials) {
        if (cores < 1 || parallelTrials < 1) {
            throw new TrainersException("cores and parallel trials must be at least 1, got " + cores + " and " + parallelTrials);
        }
        return Math.max(1, cores / parallelTrials);
    }

    /** Sets PyTorch's intra-op threads (starting the engine if needed). */
    public static void setIntraOp(int threads) {
        if (threads < 1) {
            throw new TrainersException("intra-op threads must be at least 1, got " + threads);
        }
        PyTorchNatives.engine();
        JniUtils.setNumThreads(threads);
    }

    /** PyTorch's current intra-op thread count. */
    public static int intraOp() {
        PyTorchNatives.engine();
        return JniUtils.getNumThreads();
    }
}
