package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import io.tunelab.trainers.sources.ImageAugmentation;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Augmentation changes the training batches only: with a vanishing learning rate the weights never move,
 * so the validation loss is the same with and without augmentation while the training loss, measured on
 * the augmented batches, differs; and it is drawn from the loop's seed.
 */
@Timeout(120)
class AugmentedTrainingTest {
    private static final MlpArchitecture MLP =
            new MlpArchitecture(List.of(1, 6, 6), List.of(8), ActivationKind.RELU, WeightInit.HE, false, 0, false, 2);

    /** 6x6 images, class 0 lit on the left, class 1 on the right. */
    private static DenseDataset images(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[n * 36];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int p = 0; p < 36; p++) {
                x[i * 36 + p] = ((p % 6 < 3) == (y[i] == 0) ? 0.9f : 0.1f) + (float) random.nextDouble(-0.1, 0.1);
            }
        }
        return new DenseDataset(x, new int[] {1, 6, 6}, y, 2);
    }

    private static List<EpochMetrics> fit(ImageAugmentation augmentation, long seed) {
        // steps of 1e-30 vanish below float precision: the weights stay exactly as initialised
        LearningRateSchedule still = LearningRateSchedule.constant(1e-30);
        try (Model model = Model.newInstance("augmented", Device.cpu(), ModelFiles.ENGINE)) {
            model.setBlock(Networks.build(MLP, 5));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(MLP, 1));
            TrainingLoop loop = new TrainingLoop(model, MLP, OptimizerSpec.defaults(OptimizerKind.SGD).build(still.asTracker()),
                    still, FitConfig.of(2, 8, seed).withAugmentation(augmentation), List.of());
            return loop.fit(images(48, 1), images(16, 2)).epochs();
        }
    }

    @Test
    void onlyTheTrainingBatchesAreAugmentedAndFromTheLoopsSeed() {
        List<EpochMetrics> plain = fit(ImageAugmentation.none(), 3);
        List<EpochMetrics> augmented = fit(new ImageAugmentation(true, 2), 3);
        List<EpochMetrics> again = fit(new ImageAugmentation(true, 2), 3);
        List<EpochMetrics> otherSeed = fit(new ImageAugmentation(true, 2), 4);

        for (int e = 0; e < 2; e++) {
            assertThat(augmented.get(e).valLoss()).as("validation untouched").isEqualTo(plain.get(e).valLoss());
            assertThat(augmented.get(e).valAccuracy()).isEqualTo(plain.get(e).valAccuracy());
            assertThat(augmented.get(e).loss()).as("training batches augmented").isNotEqualTo(plain.get(e).loss());
            assertThat(again.get(e).loss()).as("same seed, same augmentation").isEqualTo(augmented.get(e).loss());
        }
        assertThat(otherSeed.get(0).loss()).as("another seed, other augmentation").isNotEqualTo(augmented.get(0).loss());
    }
}
