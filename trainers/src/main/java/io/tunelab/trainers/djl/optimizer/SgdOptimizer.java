package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;

/**
 * Stochastic gradient descent, plain or with momentum (Polyak 1964):
 * {@code v = μ·v + lr·g; w -= v}, where {@code g} includes the L2 penalty. Fused into one PyTorch call.
 */
final class SgdOptimizer extends OwnedStateOptimizer {
    private final float momentum;

    SgdOptimizer(OptimizerSpec spec, ParameterTracker learningRate, float momentum) {
        super(spec, learningRate);
        this.momentum = momentum;
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        NDArray velocity = momentum > 0 ? state("velocity", parameterId, weight) : null;
        FusedUpdates.sgd(weight, grad, velocity, lr, (float) spec.weightDecay(), momentum);
    }
}
