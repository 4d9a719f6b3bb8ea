package io.tunelab.trainers.djl.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import io.tunelab.trainers.djl.ThreadGradients;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The gradient arrays of a model's trainable parameters, asked of the engine once and used at every step.
 * PyTorch accumulates each backward pass in place into a parameter's existing gradient tensor (backward
 * runs without grad mode), and {@link #zero} zeroes it in place, so a handle stays valid as long as its
 * parameter keeps its array; the handles are fetched again when one has a new array. DJL's
 * {@code getGradient()} makes a new handle at each call, which was two engine calls and two objects per
 * parameter per step. Training thread only; {@link #close} frees the handles (not the gradients).
 */
final class ParameterGradients implements AutoCloseable {
    private final List<Parameter> parameters;
    private final NDArray[] owners;
    private final List<NDArray> gradients = new ArrayList<>();

    ParameterGradients(List<Parameter> parameters) {
        this.parameters = parameters;
        this.owners = new NDArray[parameters.size()];
    }

    /** The parameters' gradients after a backward pass, in order; the list and arrays are reused, do not close them. */
    List<NDArray> current() {
        for (int i = 0; i < owners.length; i++) {
            if (parameters.get(i).getArray() != owners[i]) {
                refetch();
                break;
            }
        }
        return Collections.unmodifiableList(gradients);
    }

    private void refetch() {
        close();
        for (int i = 0; i < owners.length; i++) {
            owners[i] = parameters.get(i).getArray();
            gradients.add(owners[i].getGradient());
        }
    }

    /** Sets every gradient to zero, in place (PyTorch accumulates gradients across backward passes). */
    void zero() {
        for (Parameter p : parameters) {
            ThreadGradients.zero(p.getArray());
        }
    }

    @Override
    public void close() {
        gradients.forEach(NDArray::close);
        gradients.clear();
        Arrays.fill(owners, null);
    }
}
