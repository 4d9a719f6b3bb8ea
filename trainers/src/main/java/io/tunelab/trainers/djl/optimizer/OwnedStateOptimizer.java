package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.TrainingState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Base of Tunelab's optimizers: reads the learning rate, keeps per-parameter state arrays and reused
 * scalar constants attached to the weight's own NDManager (so they are freed with the model), and frees
 * every temporary array an update creates. Subclasses implement {@link #step}. Not thread-safe: one
 * optimizer trains one model (on one device) from one thread.
 *
 * <p>Resumable ({@link ResumableOptimizer}): the state arrays (momenta, Adam's moments...) and the
 * per-parameter update counts (which drive bias corrections and the learning-rate schedule) are kept
 * here rather than in DJL's {@link Optimizer}, whose counts cannot be read or set, so they can be saved
 * into a {@link TrainingState} and restored into a fresh optimizer; restored arrays are created on the
 * weight's manager at the parameter's first update.
 *
 * <p>Fused ({@link FlatOptimizer}): every update rule here is element-wise, so {@link #updateAll} runs
 * {@link #step} once over a {@link FlatParameters} buffer, its gradients gathered likewise and each
 * state array a buffer of the same layout, whose views become the parameters' own state arrays (so
 * saving, restoring and per-parameter updates see the same values). Each parameter's count advances
 * as {@link #update} would advance it.
 */
abstract class OwnedStateOptimizer extends Optimizer implements ResumableOptimizer, FlatOptimizer {
    private static final String STATE = "optimizer/state/";
    private static final String COUNT = "optimizer/count/";
    private static final int MAX_SCALARS = 64;
    protected final OptimizerSpec spec;
    private final ParameterTracker learningRate;
    /** Each parameter's state arrays by name: looked up at every update without building a key. */
    private final Map<String, Map<String, NDArray>> states = new LinkedHashMap<>();
    private final Map<Float, NDArray> scalars = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, float[]> restored = new HashMap<>();
    private NDArray current;
    /** State buffers laid out as {@link #flat}, by state name; their views are the parameters' state arrays. */
    private final Map<String, NDArray> flatStates = new HashMap<>();
    private FlatParameters flat;
    private List<String> flatIds;
    /** Whether {@link #step} is running over {@link #flat}'s buffer. */
    private boolean flatStep;

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
        int t = counts.merge(parameterId, 1, Integer::sum);
        run(parameterId, weight, grad, rate(parameterId, t), t);
    }

    @Override
    public final boolean updateAll(List<String> parameterIds, FlatParameters parameters, List<NDArray> gradients) {
        if (parameterIds.size() != parameters.count() || gradients.size() != parameters.count() || !parameters.intact()) {
            return false;
        }
        int t = counts.getOrDefault(parameterIds.get(0), 0) + 1;
        float lr = rate(parameterIds.get(0), t);
        for (String id : parameterIds) {
            if (counts.getOrDefault(id, 0) + 1 != t || Float.compare(learningRate.getNewValue(id, t), lr) != 0) {
                return false;
            }
        }
        if (parameters != flat || !parameterIds.equals(flatIds)) {
            flatStates.values().forEach(NDArray::close);
            flatStates.clear();
            flat = parameters;
            flatIds = List.copyOf(parameterIds);
        }
        parameterIds.forEach(id -> counts.put(id, t));
        flatStep = true;
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            run(null, parameters.weights(), parameters.gradients(gradients), lr, t);
        } finally {
            flatStep = false;
        }
        return true;
    }

    /** The learning rate of update {@code t} of a parameter, checked. */
    private float rate(String parameterId, int t) {
        float lr = learningRate.getNewValue(parameterId, t);
        if (!Float.isFinite(lr) || lr < 0) {
            throw new TrainersException("learning rate at update " + t + " is " + lr + ", expected a finite value >= 0");
        }
        return lr;
    }

    private void run(String parameterId, NDArray weight, NDArray grad, float lr, int t) {
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
     * @param parameterId the parameter's id; {@code null} when {@code weight} is a {@link FlatParameters} buffer
     * @param lr learning rate for this update
     * @param t  1 for the first update of the model, 2 for the second...
     */
    protected abstract void step(String parameterId, NDArray weight, NDArray grad, float lr, int t);

    /**
     * The state array {@code name} of a parameter, zeros at first; it outlives the update's scope. In a
     * fused step ({@code parameterId} null), the buffer of that state for all parameters.
     */
    protected final NDArray state(String name, String parameterId, NDArray weight) {
        return flatStep ? flatState(name) : ownState(name, parameterId, weight);
    }

    private NDArray ownState(String name, String parameterId, NDArray weight) {
        Map<String, NDArray> own = states.computeIfAbsent(parameterId, k -> new LinkedHashMap<>());
        NDArray array = own.get(name);
        if (array == null) {
            array = newState(name + '/' + parameterId, weight);
            own.put(name, array);
        }
        return array;
    }

    /**
     * State {@code name} of all of {@link #flat}'s parameters in one buffer: their own states (restored
     * values or zeros at first) gathered, and replaced by views of the buffer.
     */
    private NDArray flatState(String name) {
        NDArray buffer = flatStates.get(name);
        if (buffer == null) {
            List<NDArray> weights = flat.views();
            List<NDArray> own = new ArrayList<>(weights.size());
            for (int i = 0; i < weights.size(); i++) {
                own.add(ownState(name, flatIds.get(i), weights.get(i)));
            }
            buffer = flat.gather(own);
            NDScope.unregister(buffer);
            List<NDArray> views = FlatParameters.layout(buffer, weights);
            for (int i = 0; i < own.size(); i++) {
                states.get(flatIds.get(i)).put(name, views.get(i));
                own.get(i).close();
            }
            flatStates.put(name, buffer);
        }
        return buffer;
    }

    /** State {@code key} of {@code weight}: the restored values, or zeros. */
    private NDArray newState(String key, NDArray weight) {
        float[] saved = restored.remove(key);
        if (saved != null && saved.length != weight.size()) {
            throw new TrainersException("optimizer state '" + key + "' has " + saved.length + " values, the weight "
                    + weight.size());
        }
        NDArray array = saved == null ? weight.zerosLike()
                : weight.getManager().create(saved, new Shape(weight.getShape().getShape()));
        NDScope.unregister(array);
        return array;
    }

    @Override
    public final void saveState(TrainingState state) {
        restored.forEach((k, v) -> state.putFloats(STATE + k, new long[] {v.length}, v));
        states.forEach((id, own) -> own.forEach((name, v) ->
                state.putFloats(STATE + name + '/' + id, v.getShape().getShape(), v.toFloatArray())));
        counts.forEach((k, v) -> state.putDoubles(COUNT + k, v));
    }

    @Override
    public final void restoreState(TrainingState state) {
        if (!states.isEmpty() || !counts.isEmpty()) {
            throw new TrainersException("an optimizer can be restored only before its first update");
        }
        for (String n : state.names(STATE)) {
            restored.put(n.substring(STATE.length()), state.floats(n));
        }
        for (String n : state.names(COUNT)) {
            counts.put(n.substring(COUNT.length()), (int) state.number(n));
        }
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
