package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.tunelab.trainers.TrainersException;

/**
 * The optimizers' direct calls into the PyTorch engine: PyTorch's fused Adam update (one native call per
 * array instead of a dozen array operations), and the flatten, concatenation and tensor identity that
 * {@link FlatParameters} needs without DJL's checks (which ask the engine for every input's shape first).
 * Native clipping is switched off (-1): the training loop clips. Stateless.
 */
final class FusedUpdates {
    private static final float NO_CLIP = -1f;

    private FusedUpdates() {
    }

    /**
     * Adam's moments from {@code g = grad + wd·w} (or, for AdamW, {@code w -= lr·wd·w} first), then
     * {@code w -= stepSize · m / (√v + ε)} with the bias corrections folded into {@code stepSize}.
     */
    static void adam(NDArray weight, NDArray grad, NDArray mean, NDArray variance, float lr, float stepSize,
                     float weightDecay, float beta1, float beta2, float epsilon, boolean decoupled) {
        JniUtils.adamUpdate(pt(weight), pt(grad), pt(mean), pt(variance), lr, stepSize, weightDecay, 1f, NO_CLIP,
                beta1, beta2, epsilon, decoupled);
    }

    /** Whether {@code array} is a PyTorch tensor. */
    static boolean isPyTorch(NDArray array) {
        return array instanceof PtNDArray;
    }

    /** {@code array} as one dimension: a new handle on the same memory when it is contiguous. */
    static NDArray flatten(NDArray array) {
        return JniUtils.flatten(pt(array), 0, -1);
    }

    /** One new array of {@code arrays} (one-dimensional), end to end. */
    static NDArray cat(NDArray[] arrays) {
        PtNDArray[] pts = new PtNDArray[arrays.length];
        for (int i = 0; i < pts.length; i++) {
            pts[i] = pt(arrays[i]);
        }
        return JniUtils.cat(pts, 0);
    }

    /** The native tensor {@code array} is a handle on: it changes when DJL's {@code intern} gives the array another. */
    static long handle(NDArray array) {
        return pt(array).getHandle();
    }

    private static PtNDArray pt(NDArray array) {
        if (array instanceof PtNDArray p) {
            return p;
        }
        throw new TrainersException("fused updates need the PyTorch engine, got an array of "
                + array.getManager().getEngine().getEngineName());
    }
}
