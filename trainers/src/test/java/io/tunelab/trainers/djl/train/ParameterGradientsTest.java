package io.tunelab.trainers.djl.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.ThreadGradients;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gradient arrays fetched once show every later backward pass's gradients (PyTorch accumulates into
 * the same tensors, which {@code zero} clears in place), and are fetched again for a parameter given a new array.
 */
@Timeout(60)
class ParameterGradientsTest {

    private static void backward(Model model, float scale) {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(new float[] {1, -2, 3, 0.5f, 2, -1}, new Shape(2, 3)).mul(scale);
            try (ThreadGradients tape = ThreadGradients.record()) {
                NDArray y = model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), true).singletonOrThrow();
                tape.backward(y.square().sum());
            }
        }
    }

    private static List<float[]> fresh(List<Parameter> parameters) {
        return parameters.stream().map(p -> {
            try (NDArray g = p.getArray().getGradient()) {
                return g.toFloatArray();
            }
        }).toList();
    }

    @Test
    void theGradientsFetchedOnceFollowEveryBackwardPassAndZeroing() {
        try (Model model = Model.newInstance("grads", Device.cpu(), ModelFiles.ENGINE)) {
            model.setBlock(Linear.builder().setUnits(2).build());
            model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 3));
            List<Parameter> parameters = model.getBlock().getParameters().stream().map(Pair::getValue).toList();
            boolean was = ThreadGradients.setEnabled(false);
            try (ParameterGradients gradients = new ParameterGradients(parameters)) {
                backward(model, 1);
                List<NDArray> first = gradients.current();
                assertThat(first.stream().map(NDArray::toFloatArray).toList()).containsExactlyElementsOf(fresh(parameters));

                gradients.zero();
                assertThat(first.get(0).toFloatArray()).containsOnly(0f);
                backward(model, 3);
                List<NDArray> second = gradients.current();
                assertThat(second).isEqualTo(first);
                assertThat(second.stream().map(NDArray::toFloatArray).toList()).containsExactlyElementsOf(fresh(parameters));
                assertThat(second.get(0).toFloatArray()).isNotEqualTo(new float[6]);

                Parameter bias = parameters.get(1);
                bias.close();
                bias.initialize(model.getNDManager(), DataType.FLOAT32);
                backward(model, 2);
                assertThat(gradients.current().get(1).toFloatArray()).containsExactly(fresh(parameters).get(1));
            } finally {
                ThreadGradients.setEnabled(was);
            }
        }
    }
}
