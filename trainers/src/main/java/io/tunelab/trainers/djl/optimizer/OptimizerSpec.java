package io.tunelab.trainers.djl.optimizer;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Allowed;

/**
 * Which optimizer to use and its settings (the learning rate comes separately, as a schedule).
 *
 * @param kind        the algorithm
 * @param momentum    momentum for {@code momentum} and {@code nesterov}, in [0, 1)
 * @param beta1       first-moment decay for the Adam family, in [0, 1)
 * @param beta2       second-moment decay for the Adam family, in [0, 1)
 * @param rho         squared-gradient decay for RMSProp, in [0, 1)
 * @param epsilon     denominator guard for the adaptive methods, positive
 * @param weightDecay L2 penalty added to the gradient ({@code wd * w}); for AdamW the decoupled decay
 *                    rate (Loshchilov and Hutter 2019); 0 or more
 */
public record OptimizerSpec(OptimizerKind kind, double momentum, double beta1, double beta2, double rho,
                            double epsilon, double weightDecay) {
    public OptimizerSpec {
        if (kind == null) {
            throw new TrainersException("optimizer kind is required");
        }
        unitInterval("momentum", momentum);
        unitInterval("beta_1", beta1);
        unitInterval("beta_2", beta2);
        unitInterval("rho", rho);
        if (!(epsilon > 0)) {
            throw new TrainersException("epsilon must be positive, got " + epsilon);
        }
        if (!(weightDecay >= 0) || Double.isInfinite(weightDecay)) {
            throw new TrainersException("weight decay must be 0 or more, got " + weightDecay);
        }
    }

    private static void unitInterval(String name, double v) {
        Allowed.FRACTION.require(name, v);
    }

    /** {@code kind} with the book's defaults: momentum 0.9, β1 0.9, β2 0.999, ρ 0.9, ε 1e-7, no decay. */
    public static OptimizerSpec defaults(OptimizerKind kind) {
        return new OptimizerSpec(kind, 0.9, 0.9, 0.999, 0.9, 1e-7, 0);
    }

    public OptimizerSpec withWeightDecay(double decay) {
        return new OptimizerSpec(kind, momentum, beta1, beta2, rho, epsilon, decay);
    }

    public OptimizerSpec withMomentum(double m) {
        return new OptimizerSpec(kind, m, beta1, beta2, rho, epsilon, weightDecay);
    }

    /** A new optimizer whose learning rate at each update is read from {@code learningRate}. */
    public Optimizer build(ParameterTracker learningRate) {
        return switch (kind) {
            case SGD -> new SgdOptimizer(this, learningRate, 0);
            case MOMENTUM -> new SgdOptimizer(this, learningRate, (float) momentum);
            case NESTEROV -> new NesterovOptimizer(this, learningRate);
            case ADAGRAD -> new AdaGradOptimizer(this, learningRate);
            case RMSPROP -> new RmsPropOptimizer(this, learningRate);
            case ADAM -> new AdamOptimizer(this, learningRate, false);
            case ADAMW -> new AdamOptimizer(this, learningRate, true);
            case ADAMAX -> new AdaMaxOptimizer(this, learningRate);
            case NADAM -> new NadamOptimizer(this, learningRate);
        };
    }
}
