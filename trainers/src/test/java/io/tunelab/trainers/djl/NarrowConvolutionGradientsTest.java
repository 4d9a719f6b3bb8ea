package io.tunelab.trainers.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
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

    @Test
    void threeHundredBackwardPassesThroughTwoNarrowConvolutionsGiveTheSameFiniteGradients() {
        CnnArchitecture plain = new CnnArchitecture(List.of(8, 8), 2, 4, 3, PoolingKind.MAX, 32, 0,
                ActivationKind.of("relu"), WeightInit.HE, false, 2);

        assertSameFiniteGradients(Networks.build(plain, 3), new Shape(16, 8, 8), PASSES);
    }

    @Test
    void sixHundredBackwardPassesThroughASmallResidualCnnGiveTheSameFiniteGradients() {
        // the network of DjlObjectiveOwnDataTest's residual CNN, which "diverged" at random with oneDNN on AVX2
        CnnArchitecture residual = new CnnArchitecture(List.of(8, 8), 2, 4, 3, PoolingKind.MAX, 32, 0,
                ActivationKind.of("relu"), WeightInit.HE, true, 2, true, true);

        assertSameFiniteGradients(Networks.build(residual, 3), new Shape(16, 8, 8), 2 * PASSES);
    }

    private static void assertSameFiniteGradients(Block net, Shape input, int passes) {
        try (Model model = ModelFiles.newModel("narrow", Device.cpu())) {
            model.setBlock(net);
            NDManager manager = model.getNDManager();
            net.initialize(manager, DataType.FLOAT32, input);
            NDArray x = manager.randomUniform(0, 1, input);
            NDArray y = manager.create(new long[] {0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0, 1});
            List<Parameter> weights = net.getParameters().values().stream().filter(Parameter::requiresGradient).toList();

            List<float[]> first = null;
            int differing = 0;
            int nonFinite = 0;
            for (int pass = 0; pass < passes; pass++) {
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

    private static List<float[]> gradients(Block net, List<Parameter> weights, NDManager manager, NDArray x, NDArray y) {
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
