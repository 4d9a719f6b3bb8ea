package io.tunelab.trainers.callback;

import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.WeightSnapshot;
import java.io.IOException;
import java.nio.file.Path;

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
}
