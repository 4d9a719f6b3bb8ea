package io.tunelab.trainers.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import io.tunelab.trainers.TrainersException;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy, in Java memory, of every parameter of a block (weights, biases and batch-norm statistics), for
 * restoring the best weights after training. Holds no native memory. Immutable.
 */
public final class WeightSnapshot {
    private static final NDIndex ALL = new NDIndex("...");
    private final List<String> names;
    private final List<float[]> values;

    private WeightSnapshot(List<String> names, List<float[]> values) {
        this.names = names;
        this.values = values;
    }

    /** Copies the current parameters of {@code block} (which must be initialised). */
    public static WeightSnapshot of(Block block) {
        List<String> names = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (Pair<String, Parameter> p : block.getParameters()) {
            names.add(p.getKey());
            values.add(p.getValue().getArray().toFloatArray());
        }
        return new WeightSnapshot(List.copyOf(names), List.copyOf(values));
    }

    /**
     * Writes the copied values back into {@code block}'s parameters, in place: into each array's own
     * memory, so parameters that are views of one buffer
     * ({@link io.tunelab.trainers.djl.optimizer.FlatParameters}) stay so. (DJL's {@code NDArray.set(float[])}
     * would instead point the array at new memory.) Records no gradient.
     *
     * @throws TrainersException when {@code block} does not have the same parameters
     */
    public void restoreInto(Block block) {
        boolean wasRecording = ThreadGradients.setEnabled(false);
        try {
            restore(block);
        } finally {
            ThreadGradients.setEnabled(wasRecording);
        }
    }

    private void restore(Block block) {
        int i = 0;
        for (Pair<String, Parameter> p : block.getParameters()) {
            if (i >= names.size() || !names.get(i).equals(p.getKey())) {
                throw new TrainersException("cannot restore weights: parameter " + p.getKey() + " is not in the snapshot");
            }
            NDArray target = p.getValue().getArray();
            if (target.size() != values.get(i).length) {
                throw new TrainersException("cannot restore weights: parameter " + p.getKey() + " has " + target.size()
                        + " values, the snapshot " + values.get(i).length);
            }
            try (NDArray copy = target.getManager().create(values.get(i), target.getShape())) {
                target.set(ALL, copy);
            }
            i++;
        }
        if (i != names.size()) {
            throw new TrainersException("cannot restore weights: the snapshot has " + names.size() + " parameters, the block " + i);
        }
    }

    /** Puts every copied parameter into {@code state} as {@code prefix + name}. */
    public void writeTo(TrainingState state, String prefix) {
        for (int i = 0; i < names.size(); i++) {
            state.putFloats(prefix + names.get(i), new long[] {values.get(i).length}, values.get(i));
        }
    }

    /** The parameters {@link #writeTo} put into {@code state} under {@code prefix}, in their order. */
    public static WeightSnapshot readFrom(TrainingState state, String prefix) {
        List<String> names = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        for (String n : state.names(prefix)) {
            names.add(n.substring(prefix.length()));
            values.add(state.floats(n));
        }
        return new WeightSnapshot(List.copyOf(names), List.copyOf(values));
    }

    /** Number of parameter values held. */
    public long size() {
        return values.stream().mapToLong(v -> v.length).sum();
    }
}
