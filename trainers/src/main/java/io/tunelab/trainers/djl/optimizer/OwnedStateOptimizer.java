package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import io.tunelab.trainers.TrainersException;
import java.util.HashMap;
import java.util.Map;

/**
 * Base of Tunelab's optimizers: reads the learning rate, keeps per-parameter state arrays and reused
 * scalar constants attached to the weight's own NDManager (so they are freed with the model), and frees
 * every temporary array an update creates. Subclasses implement {@link #step}. Not thread-safe: one
 * optimizer trains one model (on one device) from one thread.
 */
abstract class OwnedStateOptimizer extends Optimizer {
    private static final int MAX_SCALARS = 64;
    protected final OptimizerSpec spec;
    private final ParameterTracker learningRate;
    private final Map<String, NDArray> states = new HashMap<>();
    private final Map<Float, NDArray> scalars = new HashMap<>();
    private NDArray current;

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
        if (scalars.size() > MAX_SCALARS) {
            scalars.values().forEach(NDArray::close);
            scalars.clear();
        }
        current = weight;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            step(parameterId, weight, grad, lr, t);
        } finally {
            current = null;
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
        return spec.weightDecay() > 0 ? grad.addi(weight.mul(scalar((float) spec.weightDecay()))) : grad;
    }

    /**
     * {@code value} as a zero-dimensional array beside the weight being updated, kept for later updates:
     * an arithmetic operation with a Java number makes, and frees, such an array each time. For constants
     * and the learning rate (the cache is emptied when it exceeds 64 values); values that change at every
     * update, such as bias corrections, are better passed as numbers. Valid during the current
     * {@link #step} only.
     */
    protected final NDArray scalar(float value) {
        NDArray s = scalars.get(value);
        if (s == null) {
            s = current.getManager().create(value);
            NDScope.unregister(s);
            scalars.put(value, s);
        }
        return s;
    }
}
