package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Parameter;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.callback.TrainingCallback;
import io.tunelab.trainers.callback.TrainingContext;
import io.tunelab.trainers.data.DenseDataset;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.GradientClipping;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gradients a callback watches are those the optimizer applied in the epoch's last batch, after
 * clipping: with plain SGD, {@code w_before - w_after = lr * g} for that batch.
 */
@Timeout(120)
class GradientTapTest {
    private static final double LR = 0.5;
    private static final double CLIP = 0.02;
    private static final MlpArchitecture MLP =
            new MlpArchitecture(List.of(4), List.of(5), ActivationKind.RELU, WeightInit.HE, false, 0, false, 3);

    /** Records the weights after every batch and takes the watched gradients in epoch 2 only. */
    private static final class Watcher implements TrainingCallback {
        private final Model model;
        final List<Map<String, float[]>> weightsAfterBatch = new ArrayList<>();
        Map<String, float[]> taken;
        Map<String, float[]> takenUnwatched;

        Watcher(Model model) {
            this.model = model;
        }

        @Override
        public void onEpochBegin(int epoch, TrainingContext context) {
            if (epoch == 2) {
                context.watchGradients();
            }
        }

        @Override
        public void onBatchEnd(int epoch, int batch, double loss, TrainingContext context) {
            if (epoch == 2) {
                Map<String, float[]> weights = new HashMap<>();
                for (Parameter p : model.getBlock().getParameters().values()) {
                    weights.put(p.getId(), p.getArray().toFloatArray());
                }
                weightsAfterBatch.add(weights);
            }
        }

        @Override
        public void onEpochEnd(EpochMetrics metrics, TrainingContext context) {
            if (metrics.epoch() == 2) {
                taken = context.takeGradients();
            } else if (metrics.epoch() == 3) {
                takenUnwatched = context.takeGradients();
            }
        }
    }

    private static DenseDataset data(int n) {
        SplittableRandom random = new SplittableRandom(9);
        float[] x = new float[n * 4];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            for (int f = 0; f < 4; f++) {
                x[i * 4 + f] = (float) (random.nextGaussian() + (f == y[i] ? 2 : 0));
            }
        }
        return new DenseDataset(x, new int[] {4}, y, 3);
    }

    @Test
    void watchedGradientsAreTheLastBatchsAsTheOptimizerAppliedThemAfterClipping() {
        LearningRateSchedule constant = LearningRateSchedule.constant(LR);
        try (Model model = Model.newInstance("tap", Device.cpu(), ModelFiles.ENGINE)) {
            model.setBlock(Networks.build(MLP, 3));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(MLP, 1));
            Watcher watcher = new Watcher(model);
            TrainingLoop loop = new TrainingLoop(model, MLP,
                    OptimizerSpec.defaults(OptimizerKind.SGD).withMomentum(0).build(constant.asTracker()), constant,
                    FitConfig.of(3, 16, 4).withClipping(GradientClipping.byValue(CLIP)), List.of(watcher));
            loop.fit(data(40), data(9));

            // 40 examples in batches of 16: three batches, the last of 8.
            assertThat(watcher.weightsAfterBatch).hasSize(3);
            Map<String, float[]> before = watcher.weightsAfterBatch.get(1);
            Map<String, float[]> after = watcher.weightsAfterBatch.get(2);
            assertThat(watcher.taken).as("one gradient per trainable parameter").hasSize(before.size());
            double largest = 0;
            for (Map.Entry<String, float[]> g : watcher.taken.entrySet()) {
                float[] w0 = before.get(g.getKey());
                float[] w1 = after.get(g.getKey());
                assertThat(g.getValue()).hasSize(w0.length);
                for (int i = 0; i < w0.length; i++) {
                    assertThat((double) g.getValue()[i]).as(g.getKey() + "[" + i + "]")
                            .isCloseTo((w0[i] - w1[i]) / LR, within(1e-4))
                            .isBetween(-CLIP - 1e-7, CLIP + 1e-7);
                    largest = Math.max(largest, Math.abs(g.getValue()[i]));
                }
            }
            assertThat(largest).as("some gradient is not zero").isPositive();
            assertThat(watcher.takenUnwatched).as("an epoch not watched keeps nothing").isEmpty();
        }
    }
}
