package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;

/**
 * AdaGrad (Duchi, Hazan and Singer 2011): {@code s += g²; w -= lr·g / (√s + ε)}, the accumulator
 * starting at zero and {@code g} including the L2 penalty.
 */
final class AdaGradOptimizer extends OwnedStateOptimizer {
    AdaGradOptimizer(OptimizerSpec spec, ParameterTracker learningRate) {
        super(spec, learningRate);
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        NDArray g = regularised(grad, weight);
        NDArray sum = state("sum", parameterId, weight).addi(g.square());
        weight.subi(g.mul(scalar(lr)).divi(sum.sqrt().addi(scalar((float) spec.epsilon()))));
    }
}
