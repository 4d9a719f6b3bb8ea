package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;

/**
 * Adam (Kingma and Ba 2015) and, when {@code decoupled}, AdamW (Loshchilov and Hutter 2019):
 * {@code m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
 * w -= lr·√(1-β2^t)/(1-β1^t) · m / (√v + ε)} — the paper's "efficient" ordering of the bias
 * corrections. Adam adds the L2 penalty to {@code g}; AdamW instead shrinks the weights by
 * {@code lr·wd·w} before the step. Fused into one PyTorch call.
 */
final class AdamOptimizer extends OwnedStateOptimizer {
    private final boolean decoupled;

    AdamOptimizer(OptimizerSpec spec, ParameterTracker learningRate, boolean decoupled) {
        super(spec, learningRate);
        this.decoupled = decoupled;
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        double correction1 = 1 - Math.pow(spec.beta1(), t);
        double correction2 = 1 - Math.pow(spec.beta2(), t);
        float stepSize = (float) (lr * Math.sqrt(correction2) / correction1);
        FusedUpdates.adam(weight, grad, state("mean", parameterId, weight), state("variance", parameterId, weight),
                lr, stepSize, (float) spec.weightDecay(), (float) spec.beta1(), (float) spec.beta2(),
                (float) spec.epsilon(), decoupled);
    }
}
