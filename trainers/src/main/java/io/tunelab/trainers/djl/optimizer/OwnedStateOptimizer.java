package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import io.tunelab.trainers.TrainersException;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of Tunelab's optimizers: reads the learning rate, keeps per-parameter state arrays attached to
 * the weight's own NDManager (so they are freed with the model), and frees every temporary array an
 * update creates. Subclasses implement {@link #step}. Not thread-safe: one optimizer trains one model
 * from one thread.
 */
abstract class OwnedStateOptimizer extends Optimizer {
    protected final OptimizerSpec spec;
    private final ParameterTracker learningRate;
    private final Map<String, NDArray> states = new HashMap<>();

    OwnedStateOptimizer(OptimizerSpec spec, ParameterTracker learningRate) {
        super(new Settings().optWeightDecays((float) spec.weightDecay()));
        this.spec = spec;
        this.learningRate = learningRate;
    }

    /** DJL's builder, reduced to the settings the base class reads. */
    private static final class Settings extends OptimizerBuilder<Settings> {
        @Override
        protected Settings self() {
            return this;
        }
    }

    @Override
    public final void update(String parameterId, NDArray weight, NDArray grad) {
        int t = updateCount(parameterId);
        float lr = learningRate.getNewValue(parameterId, t);
        if (!Float.isFinite(lr) || lr < 0) {
            throw new TrainersException("learning rate at update " + t + " is " + lr + ", expected a finite value >= 0");
        }
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            step(parameterId, weight, grad, lr, t);
        }
    }

    /**
     * Updates {@code weight} in place from {@code grad}, which it may overwrite (the training loop
     * zeroes gradients after each step).
     *
     * @param lr learning rate for this update
     * @param t  1 for the first update of the model, 2 for the second...
     */
    protected abstract void step(String parameterId, NDArray weight, NDArray grad, float lr, int t);

    /** The state array {@code name} of a parameter, zeros at first; it outlives the update's scope. */
    protected final NDArray state(String name, String parameterId, NDArray weight) {
        return states.computeIfAbsent(name + '/' + parameterId, k -> {
            NDArray zeros = weight.zerosLike();
            NDScope.unregister(zeros);
            return zeros;
        });
    }

    /** {@code grad} plus the L2 penalty's gradient {@code wd * weight}, added in place. */
    protected final NDArray regularised(NDArray grad, NDArray weight) {
        return spec.weightDecay() > 0 ? grad.addi(weight.mul((float) spec.weightDecay())) : grad;
    }
}
