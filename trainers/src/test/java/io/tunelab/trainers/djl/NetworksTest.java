package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.tunelab.trainers.TrainersException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworksTest {
    private static float[] forward(Architecture a, long seed, int batch, boolean training) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.build(a, seed);
            Shape shape = Networks.batchShape(a, batch);
            block.initialize(manager, DataType.FLOAT32, shape);
            NDArray x = manager.arange((float) shape.size()).reshape(shape).div(shape.size());
            NDArray y = block.forward(new ParameterStore(manager, false), new NDList(x), training).singletonOrThrow();
            assertThat(y.getShape()).isEqualTo(new Shape(batch, a.outputs()));
            return y.toFloatArray();
        }
    }

    @Test
    void buildsTheBookBaselineWithTheExpectedParameterCount() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.build(MlpArchitecture.bookBaseline(), 1);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 28, 28));
            long count = block.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
            assertThat(count).isEqualTo(784 * 300 + 300 + 300 * 100 + 100 + 100 * 10 + 10);
        }
    }

    @Test
    void anMlpTakesABatchOfVectorsAsItIsAndFlattensABatchOfImages() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray rows = manager.zeros(new Shape(4, 6));
            NDArray images = manager.zeros(new Shape(4, 3, 5));

            assertThat(Networks.flattenExamples(rows)).isSameAs(rows);
            assertThat(Networks.flattenExamples(images).getShape()).isEqualTo(new Shape(4, 15));
        }
    }

    @Test
    void everyArchitectureVariantMapsABatchToOneLogitPerClass() {
        List<Architecture> variants = List.of(
                new MlpArchitecture(List.of(6), List.of(5, 4), ActivationKind.SELU, WeightInit.LECUN, true, 0.2, false, 3),
                new MlpArchitecture(List.of(2, 3), List.of(4), ActivationKind.GELU, WeightInit.HE, false, 0, true, 3),
                new MlpArchitecture(List.of(6), List.of(), ActivationKind.TANH, WeightInit.GLOROT, false, 0, false, 3),
                new CnnArchitecture(List.of(8, 8), 2, 4, 3, PoolingKind.MAX, 8, 0.5, ActivationKind.RELU, WeightInit.HE, true, 3),
                new CnnArchitecture(List.of(2, 8, 8), 1, 2, 5, PoolingKind.AVG, 4, 0, ActivationKind.ELU, WeightInit.GLOROT, false, 3));
        for (Architecture a : variants) {
            assertThat(forward(a, 3, 4, true)).as(a.describe()).hasSize(12).doesNotContain(Float.NaN);
        }
    }

    @Test
    void residualCnnsWithAGlobalPoolingHeadMapABatchToTheirOutputs() {
        List<Architecture> variants = List.of(
                new CnnArchitecture(List.of(8, 8), 2, 4, 3, PoolingKind.MAX, 8, 0, ActivationKind.RELU, WeightInit.HE, true,
                        3, true, true),
                new CnnArchitecture(List.of(3, 8, 8), 2, 3, 3, PoolingKind.AVG, 8, 0.2, ActivationKind.ELU, WeightInit.HE,
                        false, 3, true, false),
                new CnnArchitecture(List.of(8, 8), 1, 4, 3, PoolingKind.MAX, 8, 0, ActivationKind.RELU, WeightInit.HE, true,
                        3, false, true));
        for (Architecture a : variants) {
            assertThat(forward(a, 3, 4, true)).as(a.describe()).hasSize(12).doesNotContain(Float.NaN);
        }
    }

    @Test
    void aResidualUnitProjectsItsShortcutOnlyWhenTheChannelsChange() {
        try (NDManager manager = NDManager.newBaseManager()) {
            // 1 input channel → 4 filters: projected; then 4 → 8: projected again; one block of 1 channel → 1: identity
            Block projected = Networks.build(new CnnArchitecture(List.of(8, 8), 2, 4, 3, PoolingKind.MAX, 8, 0,
                    ActivationKind.RELU, WeightInit.HE, false, 2, true, true), 1);
            projected.initialize(manager, DataType.FLOAT32, new Shape(1, 8, 8));
            Block identity = Networks.build(new CnnArchitecture(List.of(1, 8, 8), 1, 1, 3, PoolingKind.MAX, 8, 0,
                    ActivationKind.RELU, WeightInit.HE, false, 2, true, true), 1);
            identity.initialize(manager, DataType.FLOAT32, new Shape(1, 1, 8, 8));

            long oneByOne = projected.getParameters().values().stream()
                    .filter(p -> p.getArray().getShape().dimension() == 4 && p.getArray().getShape().get(2) == 1).count();
            long identityOneByOne = identity.getParameters().values().stream()
                    .filter(p -> p.getArray().getShape().dimension() == 4 && p.getArray().getShape().get(2) == 1).count();
            assertThat(oneByOne).isEqualTo(2);
            assertThat(identityOneByOne).isZero();
        }
    }

    @Test
    void everyRecurrentVariantMapsABatchOfWindowsToItsOutputs() {
        List<Architecture> variants = List.of(
                new RnnArchitecture(List.of(12, 1), RecurrentCell.SIMPLE, List.of(5, 4), 0, 0, 0, 0, WeightInit.GLOROT, 3),
                new RnnArchitecture(List.of(12, 2), RecurrentCell.LSTM, List.of(6), 0, 0, 0, 0.2, WeightInit.GLOROT, 3),
                new RnnArchitecture(List.of(12, 2), RecurrentCell.GRU, List.of(4, 4), 5, 4, 2, 0, WeightInit.HE, 3));
        for (Architecture a : variants) {
            assertThat(forward(a, 3, 4, true)).as(a.describe()).hasSize(12).doesNotContain(Float.NaN);
        }
    }

    @Test
    void aConvolutionFrontEndShortensTheSequenceAsValidPaddingDoes() {
        RnnArchitecture a = new RnnArchitecture(List.of(50, 1), RecurrentCell.GRU, List.of(20), 20, 4, 2, 0,
                WeightInit.GLOROT, 1);

        assertThat(a.recurrentSteps()).isEqualTo(24);
        assertThat(a.describe()).isEqualTo("rnn conv1d 20x4/2 + gru 20 -> 1");
        assertThatThrownBy(() -> new RnnArchitecture(List.of(3, 1), RecurrentCell.GRU, List.of(2), 2, 4, 1, 0,
                WeightInit.GLOROT, 1)).isInstanceOf(TrainersException.class).hasMessageContaining("kernel 4 is longer");
    }

    @Test
    void theSameSeedGivesTheSameWeightsAndAnotherSeedOthers() {
        Architecture a = new MlpArchitecture(List.of(5), List.of(7), ActivationKind.LEAKY_RELU, WeightInit.HE, false, 0, false, 2);

        assertThat(forward(a, 11, 3, false)).containsExactly(forward(a, 11, 3, false));
        assertThat(forward(a, 11, 3, false)).isNotEqualTo(forward(a, 12, 3, false));
    }

    @Test
    void glorotWeightsStayWithinTheirLimitAndBiasesStartAtZero() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Block block = Networks.build(MlpArchitecture.bookBaseline(), 5);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 28, 28));
            NDArray w = block.getParameters().get(0).getValue().getArray();
            double limit = Math.sqrt(6.0 / (784 + 300));
            assertThat(w.getShape()).isEqualTo(new Shape(300, 784));
            assertThat(w.abs().max().getFloat()).isLessThanOrEqualTo((float) limit).isGreaterThan((float) (0.99 * limit));
            assertThat(w.square().mean().getFloat())
                    .isCloseTo((float) (limit * limit / 3), org.assertj.core.data.Percentage.withPercentage(2));
            assertThat(block.getParameters().get(1).getValue().getArray().abs().sum().getFloat()).isZero();
        }
    }

    @Test
    void heWeightsHaveTheStandardDeviationOfTheirFanIn() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Architecture a = new MlpArchitecture(List.of(400), List.of(500), ActivationKind.RELU, WeightInit.HE, false, 0, false, 2);
            Block block = Networks.build(a, 5);
            block.initialize(manager, DataType.FLOAT32, new Shape(1, 400));
            NDArray w = block.getParameters().get(0).getValue().getArray();
            assertThat(Math.sqrt(w.square().mean().getFloat()))
                    .isCloseTo(Math.sqrt(2.0 / 400), org.assertj.core.data.Percentage.withPercentage(2));
        }
    }

    @Test
    void rejectsACnnThatWouldPoolBelowOnePixel() {
        assertThatThrownBy(() -> new CnnArchitecture(List.of(8, 8), 4, 4, 3, PoolingKind.MAX, 8, 0, ActivationKind.RELU,
                WeightInit.HE, false, 3)).isInstanceOf(TrainersException.class).hasMessageContaining("use at most 3");
    }
}
