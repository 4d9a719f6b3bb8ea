package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.tracker.ParameterTracker;

/**
 * AdaMax, Adam with the infinity norm (Kingma and Ba 2015, section 7.1):
 * {@code m = β1·m + (1-β1)·g; u = max(β2·u, |g|); w -= lr/(1-β1^t) · m / (u + ε)},
 * with {@code g} including the L2 penalty.
 */
final class AdaMaxOptimizer extends OwnedStateOptimizer {
    private static final NDIndex ALL = new NDIndex("...");

    AdaMaxOptimizer(OptimizerSpec spec, ParameterTracker learningRate) {
        super(spec, learningRate);
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        float b1 = (float) spec.beta1();
        NDArray g = regularised(grad, weight);
        NDArray m = state("mean", parameterId, weight).muli(scalar(b1)).addi(g.mul(scalar(1 - b1)));
        NDArray u = state("norm", parameterId, weight);
        u.set(ALL, u.mul(scalar((float) spec.beta2())).maximum(g.abs()));
        float stepSize = (float) (lr / (1 - Math.pow(spec.beta1(), t)));
        weight.subi(m.mul(stepSize).divi(u.add(scalar((float) spec.epsilon()))));
    }
}
