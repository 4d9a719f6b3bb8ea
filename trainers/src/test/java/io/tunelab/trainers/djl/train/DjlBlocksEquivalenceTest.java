package io.tunelab.trainers.djl.train;

import static io.tunelab.trainers.djl.train.EquivalenceRuns.data;
import static io.tunelab.trainers.djl.train.EquivalenceRuns.values;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.BatchNorm;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.Regularization;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.WeightSnapshot;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The MLP that {@link Networks} builds (its own {@link BatchNorm} and a flatten step that leaves a batch of
 * vectors as it is) trains to exactly the losses, to the last bit, of the same network built from DJL's
 * blocks ({@link ai.djl.nn.norm.BatchNorm}, {@link Blocks#batchFlattenBlock()}): same weights at the start,
 * same metrics after every epoch, same weights at the end.
 */
@Timeout(120)
class DjlBlocksEquivalenceTest {
    private static final MlpArchitecture ARCH = new MlpArchitecture(List.of(5), List.of(16, 8), ActivationKind.RELU,
            WeightInit.GLOROT, true, 0, false, 1, false, false, Regularization.NONE);

    /** The network of {@link Networks#build} with DJL's own batch norm and flatten blocks in place of Tunelab's. */
    private static Block withDjlBlocks(Block built) {
        SequentialBlock djl = new SequentialBlock();
        built.getChildren().values().forEach(child -> djl.add(child instanceof BatchNorm ? ai.djl.nn.norm.BatchNorm.builder().build()
                : djl.getChildren().isEmpty() ? Blocks.batchFlattenBlock() : child));
        return djl;
    }

    private record Run(WeightSnapshot initial, List<EpochMetrics> epochs, WeightSnapshot last) {
    }

    private static Run train(boolean djlBlocks) {
        try (Model model = Model.newInstance("equivalence", Device.cpu(), ModelFiles.ENGINE)) {
            Block built = Networks.build(ARCH, 11);
            model.setBlock(djlBlocks ? withDjlBlocks(built) : built);
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(ARCH, 1));
            WeightSnapshot initial = WeightSnapshot.of(model.getBlock());
            LearningRateSchedule lr = LearningRateSchedule.constant(0.01);
            FitConfig fit = FitConfig.of(3, 32, 5).withLoss(LossKind.MSE);
            TrainingLoop loop = new TrainingLoop(model, ARCH, OptimizerSpec.defaults(OptimizerKind.ADAM).build(lr.asTracker()),
                    lr, fit, List.of());
            List<EpochMetrics> epochs = loop.fit(data(400, 1), data(100, 2)).epochs();
            return new Run(initial, epochs, WeightSnapshot.of(model.getBlock()));
        }
    }

    private static List<List<Double>> metrics(List<EpochMetrics> epochs) {
        return epochs.stream().map(m -> List.of(m.loss(), m.valLoss(), m.valRmse(), m.valMae(), m.valR2())).toList();
    }

    @Test
    void trainsToExactlyTheLossesOfTheSameNetworkBuiltFromDjlsBlocks() {
        Run ours = train(false);
        Run djl = train(true);

        assertThat(values(ours.initial())).as("initial weights").isEqualTo(values(djl.initial()));
        assertThat(metrics(ours.epochs())).hasSize(3).isEqualTo(metrics(djl.epochs()));
        assertThat(values(ours.last())).as("final weights").isEqualTo(values(djl.last()))
                .isNotEqualTo(values(ours.initial()));
    }
}
