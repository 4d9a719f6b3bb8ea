package io.tunelab.trainers.djl.optimizer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import io.tunelab.trainers.djl.ThreadGradients;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's trainable parameters kept as views of one flat buffer, so an element-wise optimizer
 * updates all of them with one set of operations per step instead of one set per parameter (for a
 * small network, most of a step's time is the per-operation overhead, not the arithmetic).
 *
 * <p>{@link #bind} copies each parameter's values into its slice of a new buffer, in order, and gives
 * the parameter that slice, reshaped, as its array: a leaf that records gradients like any other (the
 * buffer itself records none). Everything that writes weights in place (the optimizers, the max-norm
 * constraint, {@link io.tunelab.trainers.djl.WeightSnapshot#restoreInto}) keeps the binding; a
 * parameter given a new array (DJL's {@code Parameter.load}) or a new native tensor
 * ({@code NDArray.intern}) breaks it, which {@link #intact} detects, and callers then update parameter
 * by parameter. Contract: nothing may write a bound array with DJL's {@code NDArray.set(Buffer)} (or
 * {@code set(float[])}), which points the same array at other memory, undetectably; write through an
 * index ({@code set(NDIndex, NDArray)}) or {@code WeightSnapshot} instead. Gradients are separate
 * arrays: {@link #gradients} copies them into the buffer's layout.
 *
 * <p>Training thread only; the buffer and views belong to the weights' manager.
 */
public final class FlatParameters {
    private final List<Parameter> parameters;
    private final List<NDArray> views;
    /** The views' native handles at binding. */
    private final long[] handles;
    private final NDArray buffer;
    /** The gradients {@link #gradients} last gathered, and their flattened views, reused while the same arrays come. */
    private final NDArray[] lastGradients;
    private final NDArray[] flatGradients;

    private FlatParameters(List<Parameter> parameters, List<NDArray> views, NDArray buffer) {
        this.parameters = parameters;
        this.views = views;
        this.handles = views.stream().mapToLong(FusedUpdates::handle).toArray();
        this.buffer = buffer;
        this.lastGradients = new NDArray[parameters.size()];
        this.flatGradients = new NDArray[parameters.size()];
    }

    /**
     * Binds {@code parameters} (initialised, all float32 PyTorch arrays on one device) to one buffer;
     * {@code null} when they are fewer than two or are not all such arrays, leaving them untouched.
     */
    public static FlatParameters bind(List<Parameter> parameters) {
        if (!bindable(parameters)) {
            return null;
        }
        boolean wasRecording = ThreadGradients.setEnabled(false);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray buffer = NDArrays.concat(new NDList(parameters.stream().map(p -> p.getArray().flatten())
                    .toArray(NDArray[]::new)));
            NDScope.unregister(buffer);
            List<NDArray> views = layout(buffer, parameters.stream().map(Parameter::getArray).toList());
            for (int i = 0; i < parameters.size(); i++) {
                rebind(parameters.get(i), views.get(i));
            }
            return new FlatParameters(List.copyOf(parameters), views, buffer);
        } finally {
            ThreadGradients.setEnabled(wasRecording);
        }
    }

    private static boolean bindable(List<Parameter> parameters) {
        if (parameters.size() < 2) {
            return false;
        }
        for (Parameter p : parameters) {
            NDArray a = p.isInitialized() ? p.getArray() : null;
            if (a == null || !FusedUpdates.isPyTorch(a) || a.getDataType() != DataType.FLOAT32) {
                return false;
            }
        }
        return parameters.stream().map(p -> p.getArray().getDevice()).distinct().count() == 1;
    }

    /** Consecutive views of {@code buffer} (as large as all of {@code like}) shaped as each of {@code like}, outside any scope. */
    static List<NDArray> layout(NDArray buffer, List<NDArray> like) {
        long[] starts = new long[like.size() - 1];
        long at = 0;
        for (int i = 0; i < starts.length; i++) {
            at += like.get(i).size();
            starts[i] = at;
        }
        NDList slices = buffer.split(starts);
        List<NDArray> views = new ArrayList<>(like.size());
        for (int i = 0; i < like.size(); i++) {
            NDArray view = slices.get(i).reshape(like.get(i).getShape());
            NDScope.unregister(view);
            views.add(view);
        }
        return views;
    }

    /** Replaces the parameter's array by {@code view} through DJL's own initialisation, which marks it for gradients. */
    private static void rebind(Parameter parameter, NDArray view) {
        Initializer own = parameter.getInitializer();
        parameter.close();
        parameter.setInitializer((manager, shape, dataType) -> view);
        try {
            parameter.initialize(view.getManager(), view.getDataType());
        } finally {
            parameter.setInitializer(own);
        }
    }

    /** Whether every parameter still has its view of the buffer, on the same native tensor, as its array. */
    public boolean intact() {
        for (int i = 0; i < parameters.size(); i++) {
            NDArray a = parameters.get(i).getArray();
            if (a != views.get(i) || a.isReleased() || FusedUpdates.handle(a) != handles[i]) {
                return false;
            }
        }
        return true;
    }

    /** The buffer all parameters are views of. */
    NDArray weights() {
        return buffer;
    }

    /** Number of parameters. */
    int count() {
        return parameters.size();
    }

    /** The parameters' views, in order. */
    List<NDArray> views() {
        return views;
    }

    /**
     * {@code gradients} (one per parameter, in order) copied into one new array in the buffer's layout, as
     * {@link #gather}. The flattened views of the gradients are kept and reused while the same arrays are
     * passed (a training loop passes the same gradient arrays at every step), so a step costs one copy.
     */
    NDArray gradients(List<NDArray> gradients) {
        for (int i = 0; i < flatGradients.length; i++) {
            NDArray g = gradients.get(i);
            if (g != lastGradients[i] || flatGradients[i] == null || flatGradients[i].isReleased()) {
                if (flatGradients[i] != null) {
                    flatGradients[i].close();
                }
                flatGradients[i] = FusedUpdates.flatten(g);
                NDScope.unregister(flatGradients[i]);
                lastGradients[i] = g;
            }
        }
        return FusedUpdates.cat(flatGradients);
    }

    /**
     * {@code arrays} (states, one per parameter, in order) copied into one new array in the buffer's
     * layout. Calls the engine directly: DJL's {@code NDArrays.concat} reads every input's shape back from
     * the engine first, which costs more than the copy at these sizes.
     */
    NDArray gather(List<NDArray> arrays) {
        NDArray[] flat = new NDArray[arrays.size()];
        try {
            for (int i = 0; i < flat.length; i++) {
                flat[i] = FusedUpdates.flatten(arrays.get(i));
            }
            return FusedUpdates.cat(flat);
        } finally {
            for (NDArray f : flat) {
                if (f != null) {
                    f.close();
                }
            }
        }
    }
}
