package io.tunelab.trainers.callback;

import io.tunelab.trainers.djl.Architecture;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.WeightSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A training context that records what callbacks ask of it; "weights" are the epoch they were taken at. */
final class FakeContext implements TrainingContext {
    final List<String> stops = new ArrayList<>();
    final List<Integer> snapshots = new ArrayList<>();
    final List<String> saves = new ArrayList<>();
    final List<Path> saveDirs = new ArrayList<>();
    int restores;
    int epoch;
    double rate = 0.01;
    float[] outputs = new float[0];
    int watchedGradients;
    Map<String, float[]> gradients = Map.of();

    @Override
    public Architecture architecture() {
        return MlpArchitecture.bookBaseline();
    }

    @Override
    public int plannedEpochs() {
        return 10;
    }

    @Override
    public double learningRate() {
        return rate;
    }

    @Override
    public WeightSnapshot snapshotWeights() {
        snapshots.add(epoch);
        return WeightSnapshot.of(new ai.djl.nn.SequentialBlock());
    }

    @Override
    public void restoreWeights(WeightSnapshot snapshot) {
        restores++;
    }

    @Override
    public ModelFiles.Saved saveModel(Path dir, String name) throws IOException {
        saves.add(name + "@" + epoch);
        saveDirs.add(dir);
        Path params = Files.writeString(dir.resolve(name + "-0000.params"), "weights of epoch " + epoch);
        Path json = Files.writeString(dir.resolve(name + ".architecture.json"), "{}");
        return new ModelFiles.Saved(params, json);
    }

    @Override
    public void requestStop(String reason) {
        stops.add(reason);
    }

    @Override
    public float[] outputs(io.tunelab.trainers.data.DenseDataset data) {
        return outputs;
    }

    @Override
    public void watchGradients() {
        watchedGradients++;
    }

    @Override
    public Map<String, float[]> takeGradients() {
        return gradients;
    }

    static EpochMetrics metrics(int epoch, double valLoss, double valAccuracy) {
        return new EpochMetrics(epoch, 1.0, 0.5, valLoss, valAccuracy, 0.01, 2.0, 1000, 1.9);
    }
}
