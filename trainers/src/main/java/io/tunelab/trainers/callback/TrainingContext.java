package io.tunelab.trainers.callback;

import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.WeightSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** What a callback may see and do during a training run. Used from the training thread only. */
public interface TrainingContext {
    /** The architecture being trained. */
    Architecture architecture();

    /** Number of epochs the run will last unless stopped. */
    int plannedEpochs();

    /** The learning rate of the latest update. */
    double learningRate();

    /** A copy of the current weights in Java memory. */
    WeightSnapshot snapshotWeights();

    /** Puts {@code snapshot}'s weights back into the model. */
    void restoreWeights(WeightSnapshot snapshot);

    /** Saves the current model (weights and architecture JSON) into {@code dir} under {@code name}. */
    ModelFiles.Saved saveModel(Path dir, String name) throws IOException;

    /** Asks the loop to stop after the current epoch; the first reason given is kept. */
    void requestStop(String reason);

    /**
     * The network's outputs for every example of {@code data} as they are now, computed in inference mode
     * (dropout off): {@code architecture().outputs()} values per example, row after row (logits for a
     * classifier). Costs a pass over {@code data}.
     */
    float[] outputs(DenseDataset data);

    /**
     * Keeps a copy of the gradients of every batch of the current epoch from now on, each replacing the
     * last, for {@link #takeGradients()} at the end of the epoch. The copy is on the model's device.
     */
    void watchGradients();

    /**
     * The gradients of the latest batch trained since {@link #watchGradients()} (as the optimizer used them:
     * after clipping), by parameter id, and stops watching; empty when no batch was watched.
     */
    Map<String, float[]> takeGradients();
}
