package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import io.tunelab.trainers.TrainersException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularizationTest {
    private static List<Parameter> weights(Block block) {
        return block.getParameters().values().stream().toList();
    }

    @Test
    void maxNormRescalesEveryUnitWhoseIncomingWeightsAreTooLongAndLeavesTheOthers() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MlpArchitecture a = new MlpArchitecture(List.of(30), List.of(20), ActivationKind.RELU, WeightInit.HE, false, 0,
                    false, 2, false, false, new Regularization(0, 0, 0.5));
            Block block = Networks.build(a, 1);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 30));
            NDArray before = block.getParameters().get("02Linear_weight").getArray().duplicate();

            a.regularization().constrain(weights(block));

            NDArray after = block.getParameters().get("02Linear_weight").getArray();
            float[] norms = after.square().sum(new int[] {1}).sqrt().toFloatArray();
            float[] old = before.square().sum(new int[] {1}).sqrt().toFloatArray();
            for (int unit = 0; unit < norms.length; unit++) {
                assertThat((double) norms[unit]).isCloseTo(Math.min(old[unit], 0.5), within(1e-4));
            }
        }
    }

    @Test
    void thePenaltyIsTheWeightedSumOfAbsoluteAndSquaredDenseWeights() {
        try (NDManager manager = NDManager.newBaseManager()) {
            MlpArchitecture a = new MlpArchitecture(List.of(3), List.of(), ActivationKind.RELU, WeightInit.HE, false, 0,
                    false, 2, false, false, new Regularization(0.1, 0.01, 0));
            Block block = Networks.build(a, 1);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 3));
            NDArray w = block.getParameters().get("02Linear_weight").getArray();
            double expected = 0.1 * w.abs().sum().getFloat() + 0.01 * w.square().sum().getFloat();

            NDArray total = a.regularization().penalised(manager.create(1f), weights(block), manager);

            assertThat((double) total.getFloat()).isCloseTo(1 + expected, within(1e-5));
        }
    }

    @Test
    void negativeFactorsAreRefused() {
        assertThatThrownBy(() -> new Regularization(-1, 0, 0)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("l1, l2 and max_norm must be 0 or more");
    }

    @Test
    void batchNormAfterTheActivationAndAlphaDropoutBuildAndAreDescribed() {
        MlpArchitecture a = new MlpArchitecture(List.of(4), List.of(8), ActivationKind.SELU, WeightInit.LECUN, true, 0.1,
                false, 1, true, true, new Regularization(0.001, 0, 1));
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.build(a, 2);
            block.initialize(manager, DataType.FLOAT32, new Shape(2, 4));
            assertThat(block.getChildren().values().stream().map(b -> b.getClass().getSimpleName()).toList())
                    .containsSubsequence("Linear", "LambdaBlock", "BatchNorm", "StochasticDropout", "Linear");
            assertThat(block.getParameters().get("02Linear_bias")).as("a dense layer before its activation keeps its bias")
                    .isNotNull();
        }
        assertThat(a.describe()).isEqualTo("mlp 4-8-1 selu bn-after alpha-dropout 0.1 l1 0.001 max-norm 1.0");
    }
}
