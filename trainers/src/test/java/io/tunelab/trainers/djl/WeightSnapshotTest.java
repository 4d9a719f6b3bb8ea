package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.tunelab.trainers.TrainersException;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeightSnapshotTest {
    private static final MlpArchitecture ARCH =
            new MlpArchitecture(List.of(4), List.of(5), ActivationKind.RELU, WeightInit.HE, true, 0, false, 3);

    private static float[] predict(Block block, NDManager m) {
        NDArray x = m.arange(8f).reshape(2, 4);
        return block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray();
    }

    @Test
    void restoringPutsBackEveryParameterInPlaceAndGradientsStillFlow() {
        try (NDManager m = NDManager.newBaseManager()) {
            ThreadGradients.setEnabled(false);
            Block block = Networks.build(ARCH, 1);
            block.initialize(m, DataType.FLOAT32, Networks.batchShape(ARCH, 1));
            float[] before = predict(block, m);
            WeightSnapshot snapshot = WeightSnapshot.of(block);
            block.getParameters().values().forEach(p -> p.getArray().addi(1f));
            assertThat(predict(block, m)).isNotEqualTo(before);

            snapshot.restoreInto(block);

            assertThat(predict(block, m)).containsExactly(before);
            NDArray firstWeight = block.getParameters().get(0).getValue().getArray();
            try (ThreadGradients tape = ThreadGradients.record()) {
                NDArray y = block.forward(new ParameterStore(m, false), new NDList(m.arange(8f).reshape(2, 4)), true)
                        .singletonOrThrow();
                tape.backward(y.square().sum());
            }
            assertThat(firstWeight.getGradient().abs().sum().getFloat()).isPositive();
        }
    }

    @Test
    void aSnapshotCannotBeRestoredIntoAnotherArchitecture() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block block = Networks.build(ARCH, 1);
            block.initialize(m, DataType.FLOAT32, Networks.batchShape(ARCH, 1));
            MlpArchitecture wider = new MlpArchitecture(List.of(4), List.of(6), ActivationKind.RELU, WeightInit.HE, true, 0, false, 3);
            Block other = Networks.build(wider, 1);
            other.initialize(m, DataType.FLOAT32, Networks.batchShape(wider, 1));

            assertThatThrownBy(() -> WeightSnapshot.of(block).restoreInto(other)).isInstanceOf(TrainersException.class)
                    .hasMessageContaining("cannot restore weights");
        }
    }
}
