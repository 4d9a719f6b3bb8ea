package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.training.tracker.ParameterTracker;

/**
 * Nadam, Adam with Nesterov momentum (Dozat 2016, "Incorporating Nesterov Momentum into Adam"), with a
 * constant momentum β1:
 * {@code m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²;
 * m̂ = β1·m/(1-β1^(t+1)) + (1-β1)·g/(1-β1^t); v̂ = v/(1-β2^t); w -= lr·m̂ / (√v̂ + ε)},
 * with {@code g} including the L2 penalty.
 */
final class NadamOptimizer extends OwnedStateOptimizer {
    NadamOptimizer(OptimizerSpec spec, ParameterTracker learningRate) {
        super(spec, learningRate);
    }

    @Override
    protected void step(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
        double b1 = spec.beta1();
        double b2 = spec.beta2();
        NDArray g = regularised(grad, weight);
        NDArray m = state("mean", parameterId, weight).muli(scalar((float) b1)).addi(g.mul(scalar((float) (1 - b1))));
        NDArray v = state("variance", parameterId, weight).muli(scalar((float) b2)).addi(g.square().muli(scalar((float) (1 - b2))));
        NDArray mHat = m.mul((float) (b1 / (1 - Math.pow(b1, t + 1)))).addi(g.mul((float) ((1 - b1) / (1 - Math.pow(b1, t)))));
        NDArray vHat = v.div((float) (1 - Math.pow(b2, t)));
        weight.subi(mHat.muli(scalar(lr)).divi(vHat.sqrt().addi(scalar((float) spec.epsilon()))));
    }
}
