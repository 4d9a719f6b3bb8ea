package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;

/**
 * Nesterov accelerated gradient (Nesterov 1983; Sutskever et al. 2013), in PyTorch's form:
 * {@code b = μ·b + g; w -= lr·(g + μ·b)}, where {@code g} includes the L2 penalty.
 */
final class NesterovOptimizer extends OwnedStateOptimizer {
    NesterovOptimizer(OptimizerSpec spec, ParameterTracker learningRate) {
        super(spec, learningRate);
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        float mu = (float) spec.momentum();
        NDArray g = regularised(grad, weight);
        NDArray buffer = state("buffer", parameterId, weight).muli(scalar(mu)).addi(g);
        weight.subi(g.add(buffer.mul(scalar(mu))).muli(scalar(lr)));
    }
}
