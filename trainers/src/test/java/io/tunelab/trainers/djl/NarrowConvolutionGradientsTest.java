package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.tunelab.trainers.djl.train.LossKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Back-propagation through convolutions narrower than a SIMD block is deterministic and finite. With
 * oneDNN's AVX-512 kernels (PyTorch 2.5.1) the gradient of a 4-channel input read uninitialised padding
 * and was NaN in 40–110 of 300 identical passes on an AVX-512 CPU; see {@link io.tunelab.trainers.device.OneDnnIsa}.
 */
@Timeout(120)
class NarrowConvolutionGradientsTest {
    private static final int PASSES = 300;

    private static Conv2d conv(int filters, boolean bias) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(filters).optBias(bias).build();
    }

    @Test
    void threeHundredBackwardPassesOverTheSameBatchGiveTheSameFiniteGradients() {
        try (Model model = ModelFiles.newModel("narrow", Device.cpu())) {
            SequentialBlock net = new SequentialBlock().add(conv(4, true)).add(conv(8, true))
                    .add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(2).build());
            net.setInitializer(new SeededInitializer(WeightInit.HE, 3), Parameter.Type.WEIGHT);
            model.setBlock(net);
            NDManager manager = model.getNDManager();
            net.initialize(manager, DataType.FLOAT32, new Shape(16, 1, 8, 8));
            NDArray x = manager.randomUniform(0, 1, new Shape(16, 1, 8, 8));
            NDArray y = manager.create(new long[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1});
            List<Parameter> weights = net.getParameters().values().stream().filter(Parameter::requiresGradient).toList();

            List<float[]> first = null;
            int differing = 0;
            int nonFinite = 0;
            for (int pass = 0; pass < PASSES; pass++) {
                List<float[]> gradients = gradients(net, weights, manager, x, y);
                nonFinite += gradients.stream().anyMatch(NarrowConvolutionGradientsTest::hasNonFinite) ? 1 : 0;
                if (first == null) {
                    first = gradients;
                } else if (!sameBits(first, gradients)) {
                    differing++;
                }
            }
            assertThat(nonFinite).as("passes with a NaN or infinite gradient").isZero();
            assertThat(differing).as("passes whose gradients differ from the first pass's").isZero();
        }
    }

    private static List<float[]> gradients(SequentialBlock net, List<Parameter> weights, NDManager manager, NDArray x, NDArray y) {
        try (NDManager batch = manager.newSubManager()) {
            weights.forEach(p -> ThreadGradients.zero(p.getArray()));
            try (ThreadGradients tape = ThreadGradients.record()) {
                NDArray out = net.forward(new ParameterStore(batch, false), new NDList(x), true).singletonOrThrow();
                tape.backward(LossKind.CROSS_ENTROPY.of(out, y));
            }
            List<float[]> values = new ArrayList<>();
            for (Parameter p : weights) {
                try (NDArray g = p.getArray().getGradient()) {
                    values.add(g.toFloatArray());
                }
            }
            return values;
        }
    }

    private static boolean hasNonFinite(float[] values) {
        for (float v : values) {
            if (!Float.isFinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameBits(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            if (!java.util.Arrays.equals(a.get(i), b.get(i))) {
                return false;
            }
        }
        return true;
    }
}
