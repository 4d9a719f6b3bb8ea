package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import io.tunelab.trainers.TrainersException;

/**
 * PyTorch's fused Adam update (one native call per parameter instead of a dozen array operations).
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

    private static PtNDArray pt(NDArray array) {
        if (array instanceof PtNDArray p) {
            return p;
        }
        throw new TrainersException("fused updates need the PyTorch engine, got an array of "
                + array.getManager().getEngine().getEngineName());
    }
}
