package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import io.tunelab.trainers.testing.FashionMnistFixture;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingLoopIT {
    @Test
    void theBookMlpLearnsFashionMnistFromTwoThousandImages() {
        DatasetSplits data = FashionMnistFixture.subset(2000, 1000);
        MlpArchitecture arch = MlpArchitecture.bookBaseline();
        LearningRateSchedule lr = LearningRateSchedule.constant(0.01);
        try (Model model = ModelFiles.newModel("mlp", Device.cpu())) {
            model.setBlock(Networks.build(arch, 7));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(arch, 1));
            TrainingLoop loop = new TrainingLoop(model, arch, OptimizerSpec.defaults(OptimizerKind.SGD).build(lr.asTracker()),
                    lr, FitConfig.of(3, 32, 1), List.of());

            TrainingHistory history = loop.fit(data.train(), data.valid());

            assertThat(history.epochs()).hasSize(3);
            assertThat(history.last().valAccuracy()).isGreaterThan(0.6);
            assertThat(history.last().loss()).isLessThan(history.epochs().get(0).loss());
        }
    }
}
