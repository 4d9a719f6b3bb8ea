package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BatchNormTest {
    /** What one training step of a batch-norm block gives: outputs, input gradient, then gamma's and beta's, running statistics. */
    private static List<float[]> trainingStep(Block block, NDManager m, Shape shape) {
        ThreadGradients.setEnabled(false);
        block.initialize(m, DataType.FLOAT32, shape);
        long channels = shape.get(1);
        // non-trivial scale and offset, the same in every block
        block.getParameters().get("gamma").getArray().addi(m.arange(0f, channels).mul(0.25f));
        block.getParameters().get("beta").getArray().addi(m.arange(0f, channels).sub(1f));
        NDArray x = m.arange(0f, shape.size()).reshape(shape).sin().mul(3f);
        x.setRequiresGradient(true);
        NDArray out;
        try (ThreadGradients tape = ThreadGradients.record()) {
            out = block.forward(new ParameterStore(m, false), new NDList(x), true).singletonOrThrow();
            tape.backward(out.mul(out.exp()).sum());
        }
        List<float[]> values = new ArrayList<>();
        values.add(out.toFloatArray());
        values.add(x.getGradient().toFloatArray());
        for (String p : List.of("gamma", "beta")) {
            values.add(block.getParameters().get(p).getArray().getGradient().toFloatArray());
        }
        for (String p : List.of("runningMean", "runningVar")) {
            values.add(block.getParameters().get(p).getArray().toFloatArray());
        }
        values.add(block.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow().toFloatArray());
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dense", "convolution"})
    void computesExactlyWhatDjlsBatchNormComputesOverAxisOne(String layer) {
        Shape shape = layer.equals("dense") ? new Shape(5, 3) : new Shape(2, 3, 4, 2);
        try (NDManager m = NDManager.newBaseManager()) {
            List<float[]> ours = trainingStep(new BatchNorm(), m, shape);
            List<float[]> djl = trainingStep(ai.djl.nn.norm.BatchNorm.builder().build(), m, shape);

            for (int i = 0; i < ours.size(); i++) {
                assertThat(ours.get(i)).as("value %d", i).hasSize(djl.get(i).length).containsExactly(djl.get(i));
            }
            assertThat(ours.get(4)).as("running mean moved").isNotEqualTo(new float[3]);
        }
    }

    @Test
    void namesItsParametersAsDjlsBlockDoesInASequentialNetwork() {
        List<String> ours = new SequentialBlock().add(new BatchNorm()).getParameters().keys();
        List<String> djl = new SequentialBlock().add(ai.djl.nn.norm.BatchNorm.builder().build()).getParameters().keys();

        assertThat(ours).containsExactlyElementsOf(djl).contains("01BatchNorm_gamma");
    }

    @Test
    void savedParametersLoadIntoDjlsBlockAndBack() throws Exception {
        Shape shape = new Shape(4, 3);
        try (NDManager m = NDManager.newBaseManager()) {
            Block ours = new BatchNorm();
            trainingStep(ours, m, shape);
            Block djl = ai.djl.nn.norm.BatchNorm.builder().build();
            djl.initialize(m, DataType.FLOAT32, shape);
            Block back = new BatchNorm();
            back.initialize(m, DataType.FLOAT32, shape);

            copy(ours, djl, m);
            copy(djl, back, m);

            for (String p : List.of("gamma", "beta", "runningMean", "runningVar")) {
                assertThat(back.getParameters().get(p).getArray().toFloatArray()).as(p)
                        .containsExactly(ours.getParameters().get(p).getArray().toFloatArray());
            }
            assertThat(djl.getParameters().get("runningVar").getArray().toFloatArray())
                    .containsExactly(ours.getParameters().get("runningVar").getArray().toFloatArray());
        }
    }

    @Test
    void theNetworksUseThisBlockForEveryBatchNormLayer() {
        MlpArchitecture mlp = new MlpArchitecture(List.of(6), List.of(8, 8), ActivationKind.RELU, WeightInit.GLOROT, true, 0,
                false, 1, false, false, Regularization.NONE);
        Block net = Networks.build(mlp, 1);

        assertThat(net.getChildren().values().stream().filter(b -> b.getClass().getSimpleName().equals("BatchNorm")))
                .hasSize(2).allMatch(b -> b instanceof BatchNorm);
    }

    private static void copy(Block from, Block to, NDManager m) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            from.saveParameters(out);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            to.loadParameters(m, in);
        }
    }
}
