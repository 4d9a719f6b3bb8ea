package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.ParameterStore;
import io.tunelab.trainers.TrainersException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFilesTest {
    @TempDir
    Path dir;

    private static float[] predict(Model model, Architecture a) {
        NDManager m = model.getNDManager().newSubManager();
        try (m) {
            ai.djl.ndarray.types.Shape shape = Networks.batchShape(a, 3);
            NDArray x = m.arange((float) shape.size()).reshape(shape).div(shape.size());
            return model.getBlock().forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
        }
    }

    private void roundTrip(Architecture a) throws Exception {
        float[] before;
        try (Model model = ModelFiles.newModel("net", Device.cpu())) {
            model.setBlock(Networks.build(a, 42));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(a, 1));
            before = predict(model, a);
            ModelFiles.Saved saved = ModelFiles.save(model, a, dir, "best");
            assertThat(saved.params()).hasFileName("best-0000.params").exists();
            assertThat(saved.architecture()).hasFileName("best.architecture.json").exists();
        }
        try (ModelFiles.Loaded loaded = ModelFiles.load(dir, "best", Device.cpu())) {
            assertThat(loaded.architecture()).isEqualTo(a);
            assertThat(predict(loaded.model(), a)).containsExactly(before);
        }
    }

    @Test
    void aSavedMlpIsRebuiltFromItsJsonAndPredictsTheSame() throws Exception {
        roundTrip(new MlpArchitecture(List.of(4, 4), List.of(8, 6), ActivationKind.ELU, WeightInit.HE, true, 0.1, true, 3));
    }

    @Test
    void aSavedCnnIsRebuiltFromItsJsonAndPredictsTheSame() throws Exception {
        roundTrip(new CnnArchitecture(List.of(8, 8), 2, 3, 3, PoolingKind.MAX, 5, 0.2, ActivationKind.RELU, WeightInit.HE, true, 3));
    }

    @Test
    void loadingWithoutTheArchitectureFileSaysWhichFileIsMissing() throws Exception {
        Files.writeString(dir.resolve("orphan-0000.params"), "x");

        assertThatThrownBy(() -> ModelFiles.load(dir, "orphan", Device.cpu())).isInstanceOf(TrainersException.class)
                .hasMessageContaining("orphan.architecture.json is missing");
    }

    @Test
    void weightsThatDoNotFitTheArchitectureAreRejected() throws Exception {
        MlpArchitecture small = new MlpArchitecture(List.of(4), List.of(3), ActivationKind.RELU, WeightInit.HE, false, 0, false, 2);
        try (Model model = ModelFiles.newModel("net", Device.cpu())) {
            model.setBlock(Networks.build(small, 1));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(small, 1));
            ModelFiles.save(model, small, dir, "m");
        }
        MlpArchitecture other = new MlpArchitecture(List.of(4), List.of(3, 3), ActivationKind.RELU, WeightInit.HE, false, 0, false, 2);
        ArchitectureJson.write(other, ModelFiles.architectureFile(dir, "m"));

        assertThatThrownBy(() -> ModelFiles.load(dir, "m", Device.cpu())).isInstanceOf(TrainersException.class)
                .hasMessageContaining("cannot load model 'm'");
    }
}
