package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;

/**
 * Stochastic gradient descent, plain or with momentum (Polyak 1964): {@code g = grad + wd·w};
 * without momentum {@code w -= lr·g}; with momentum μ {@code v = μ·v + lr·g; w -= v} (Sutskever et
 * al. 2013's form, the learning rate inside the velocity). Works in place on the gradient, which the
 * training loop zeroes after the step: two passes over the weights and no allocation for plain SGD.
 */
final class SgdOptimizer extends OwnedStateOptimizer {
    private final float momentum;

    SgdOptimizer(OptimizerSpec spec, ParameterTracker learningRate, float momentum) {
        super(spec, learningRate);
        this.momentum = momentum;
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        NDArray scaled = regularised(grad, weight).muli(scalar(lr));
        if (momentum > 0) {
            weight.subi(state("velocity", parameterId, weight).muli(scalar(momentum)).addi(scaled));
        } else {
            weight.subi(scaled);
        }
    }
}
