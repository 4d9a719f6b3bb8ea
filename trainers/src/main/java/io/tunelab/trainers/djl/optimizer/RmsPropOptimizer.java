package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;

/**
 * RMSProp (Tieleman and Hinton 2012, lecture 6.5): {@code s = ρ·s + (1-ρ)·g²; w -= lr·g / (√s + ε)},
 * with {@code g} including the L2 penalty.
 */
final class RmsPropOptimizer extends OwnedStateOptimizer {
    RmsPropOptimizer(OptimizerSpec spec, ParameterTracker learningRate) {
        super(spec, learningRate);
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        float rho = (float) spec.rho();
        NDArray g = regularised(grad, weight);
        NDArray mean = state("square_mean", parameterId, weight).muli(scalar(rho)).addi(g.square().muli(scalar(1 - rho)));
        weight.subi(g.mul(scalar(lr)).divi(mean.sqrt().addi(scalar((float) spec.epsilon()))));
    }
}
