package io.tunelab.trainers.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.tunelab.trainers.TrainersException;

/**
 * Gradient recording on the current thread only, for the PyTorch engine.
 *
 * <p>DJL's own {@code PtGradientCollector} allows one collector per process (a static flag), so two
 * trials training in parallel threads would fail. PyTorch's grad mode is thread-local, so recording
 * here switches it on for the calling thread only and restores the previous mode on {@link #close()}.
 * New threads start with grad mode on in PyTorch; the training loop switches it off with
 * {@link #setEnabled(boolean)} so that evaluation and in-place optimizer updates record nothing.
 *
 * <p>Use with try-with-resources, from one thread.
 */
public final class ThreadGradients implements AutoCloseable {
    private final boolean previous;

    private ThreadGradients() {
        previous = JniUtils.isGradMode();
        JniUtils.setGradMode(true);
    }

    /** Starts recording operations on this thread for a later {@link #backward}. */
    public static ThreadGradients record() {
        return new ThreadGradients();
    }

    /** Switches grad mode on or off for this thread; returns the previous mode. */
    public static boolean setEnabled(boolean enabled) {
        boolean was = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
        return was;
    }

    /** Back-propagates from scalar {@code target}, adding to the gradients of parameters that need them. */
    public void backward(NDArray target) {
        try (NDArray seed = target.onesLike()) {
            JniUtils.backward(pt(target), pt(seed), false, false);
        }
    }

    /** Sets the gradient of {@code weight} to zero (PyTorch accumulates gradients across backward passes). */
    public static void zero(NDArray weight) {
        JniUtils.zeroGrad(pt(weight));
    }

    private static PtNDArray pt(NDArray array) {
        if (array instanceof PtNDArray p) {
            return p;
        }
        throw new TrainersException("trainers need the PyTorch engine, got an array of " + array.getManager().getEngine().getEngineName());
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
