package io.tunelab.trainers.djl.train;

import ai.djl.Model;
import io.tunelab.trainers.callback.TrainingContext;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.WeightSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.DoubleSupplier;

/** The {@link TrainingContext} a {@link TrainingLoop} gives its callbacks. Training thread only. */
final class LoopContext implements TrainingContext {
    private static final int EVAL_BATCH = 1000;
    private final Model model;
    private final Architecture architecture;
    private final int plannedEpochs;
    private final DoubleSupplier learningRate;
    private final GradientTap gradients;
    private String stopReason;

    LoopContext(Model model, Architecture architecture, int plannedEpochs, DoubleSupplier learningRate, GradientTap gradients) {
        this.model = model;
        this.gradients = gradients;
        this.architecture = architecture;
        this.plannedEpochs = plannedEpochs;
        this.learningRate = learningRate;
    }

    @Override
    public Architecture architecture() {
        return architecture;
    }

    @Override
    public int plannedEpochs() {
        return plannedEpochs;
    }

    @Override
    public double learningRate() {
        return learningRate.getAsDouble();
    }

    @Override
    public WeightSnapshot snapshotWeights() {
        return WeightSnapshot.of(model.getBlock());
    }

    @Override
    public void restoreWeights(WeightSnapshot snapshot) {
        snapshot.restoreInto(model.getBlock());
    }

    @Override
    public ModelFiles.Saved saveModel(Path dir, String name) throws IOException {
        return ModelFiles.save(model, architecture, dir, name);
    }

    @Override
    public float[] outputs(DenseDataset data) {
        return Evaluation.predictValues(model.getBlock(), architecture, model.getNDManager(), data, EVAL_BATCH);
    }

    @Override
    public void watchGradients() {
        gradients.watch();
    }

    @Override
    public Map<String, float[]> takeGradients() {
        return gradients.take();
    }

    @Override
    public void requestStop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
    }

    String stopReason() {
        return stopReason;
    }
}
