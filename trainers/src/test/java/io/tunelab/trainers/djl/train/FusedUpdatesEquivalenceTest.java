package io.tunelab.trainers.djl.train;

import static io.tunelab.trainers.djl.train.EquivalenceRuns.data;
import static io.tunelab.trainers.djl.train.EquivalenceRuns.values;
import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.optimizer.Optimizer;
import io.tunelab.trainers.callback.EpochMetrics;
import io.tunelab.trainers.djl.ActivationKind;
import io.tunelab.trainers.djl.MlpArchitecture;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.Networks;
import io.tunelab.trainers.djl.Regularization;
import io.tunelab.trainers.djl.WeightInit;
import io.tunelab.trainers.djl.WeightSnapshot;
import io.tunelab.trainers.djl.optimizer.OptimizerKind;
import io.tunelab.trainers.djl.optimizer.OptimizerSpec;
import io.tunelab.trainers.schedule.GradientClipping;
import io.tunelab.trainers.schedule.LearningRateSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The training loop updates all parameters at once, over one buffer, when the optimizer can
 * ({@link io.tunelab.trainers.djl.optimizer.FlatOptimizer}); every optimizer, with and without weight
 * decay, under a schedule, clipping and the max-norm constraint, trains to exactly the metrics and weights,
 * to the last bit, of the same optimizer updating parameter by parameter (hidden by a wrapper the loop
 * cannot fuse). The layer widths (13 and 7) put parameters across the vector lanes' boundaries.
 */
@Timeout(300)
class FusedUpdatesEquivalenceTest {
    private static final MlpArchitecture ARCH = new MlpArchitecture(List.of(5), List.of(13, 7), ActivationKind.RELU,
            WeightInit.HE, true, 0, false, 1, false, false, new Regularization(0, 0, 1.5));

    /** Hides the optimizer's fused update: the loop sees a plain DJL optimizer. */
    private static final class OneByOne extends Optimizer {
        private final Optimizer inner;

        OneByOne(Optimizer inner) {
            super(new Settings());
            this.inner = inner;
        }

        @Override
        public void update(String parameterId, NDArray weight, NDArray grad) {
            inner.update(parameterId, weight, grad);
        }

        private static final class Settings extends OptimizerBuilder<Settings> {
            @Override
            protected Settings self() {
                return this;
            }
        }
    }

    private record Run(List<List<Double>> metrics, List<Float> weights) {
    }

    private static Run train(OptimizerSpec spec, boolean fused) {
        try (Model model = Model.newInstance("fused", Device.cpu(), ModelFiles.ENGINE)) {
            model.setBlock(Networks.build(ARCH, 11));
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, Networks.batchShape(ARCH, 1));
            LearningRateSchedule lr = LearningRateSchedule.power(0.02, 20, 1);
            Optimizer optimizer = spec.build(lr.asTracker());
            FitConfig fit = FitConfig.of(3, 32, 5).withLoss(LossKind.MSE).withClipping(GradientClipping.byNorm(2));
            TrainingLoop loop = new TrainingLoop(model, ARCH, fused ? optimizer : new OneByOne(optimizer), lr, fit, List.of());
            List<EpochMetrics> epochs = loop.fit(data(300, 1), data(100, 2)).epochs();
            assertThat(loop.updatesAtOnce()).as("fused").isEqualTo(fused);
            return new Run(epochs.stream().map(m -> List.of(m.loss(), m.valLoss(), m.valRmse())).toList(),
                    values(WeightSnapshot.of(model.getBlock())));
        }
    }

    @Test
    void everyOptimizerTrainsToExactlyTheWeightsOfItsParameterByParameterUpdates() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            for (double decay : new double[] {0, 0.01}) {
                OptimizerSpec spec = OptimizerSpec.defaults(kind).withWeightDecay(decay);
                Run fused = train(spec, true);
                Run oneByOne = train(spec, false);
                assertThat(fused.metrics()).as("%s, weight decay %s: metrics", kind, decay).hasSize(3)
                        .isEqualTo(oneByOne.metrics());
                assertThat(fused.weights()).as("%s, weight decay %s: weights", kind, decay).isEqualTo(oneByOne.weights());
            }
        }
    }
}
