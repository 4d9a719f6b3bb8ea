package io.tunelab.trainers.djl.optimizer;

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
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import io.tunelab.trainers.djl.ModelFiles;
import io.tunelab.trainers.djl.ThreadGradients;
import io.tunelab.trainers.djl.TrainingState;
import io.tunelab.trainers.djl.WeightSnapshot;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Parameters bound to one buffer keep their values, shapes and gradients; optimizers update them at once
 * exactly as one by one, save and restore that state either way, and decline once a parameter has been
 * given another array. A dense layer of 5 inputs and 3 units: a (3, 5) weight and a (3) bias.
 */
@Timeout(60)
class FlatParametersTest {
    private static final OptimizerSpec ADAM = OptimizerSpec.defaults(OptimizerKind.ADAM).withWeightDecay(0.01);
    private Model model;

    @BeforeEach
    void layer() {
        model = Model.newInstance("flat", Device.cpu(), ModelFiles.ENGINE);
        model.setBlock(Linear.builder().setUnits(3).build());
        model.getBlock().initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1, 5));
        for (Parameter p : parameters()) {
            p.getArray().set(model.getNDManager().arange((float) p.getArray().size()).add(1f).cos().toFloatArray());
        }
    }

    @AfterEach
    void close() {
        model.close();
    }

    private List<Parameter> parameters() {
        return model.getBlock().getParameters().stream().map(Pair::getValue).toList();
    }

    private List<String> names() {
        return model.getBlock().getParameters().keys();
    }

    private List<float[]> values() {
        return parameters().stream().map(p -> p.getArray().toFloatArray()).toList();
    }

    /** Gradients of step {@code s}: a fixed pattern, different for each step and element. */
    private List<NDArray> gradients(int s) {
        NDManager m = model.getNDManager();
        List<NDArray> grads = new ArrayList<>();
        for (Parameter p : parameters()) {
            grads.add(m.arange((float) p.getArray().size()).mul(0.37f * s).sin().reshape(p.getArray().getShape()));
        }
        return grads;
    }

    private void stepOneByOne(Optimizer optimizer, int s) {
        List<NDArray> grads = gradients(s);
        for (int i = 0; i < grads.size(); i++) {
            optimizer.update(names().get(i), parameters().get(i).getArray(), grads.get(i));
        }
    }

    @Test
    void bindingKeepsEachParametersValuesShapeAndGradientFlagAndSharesOneBuffer() {
        List<float[]> before = values();
        List<Shape> shapes = parameters().stream().map(p -> p.getArray().getShape()).toList();

        FlatParameters flat = FlatParameters.bind(parameters());

        assertThat(flat).isNotNull();
        assertThat(flat.intact()).isTrue();
        assertThat(values()).containsExactlyElementsOf(before);
        assertThat(parameters().stream().map(p -> p.getArray().getShape()).toList()).isEqualTo(shapes);
        assertThat(parameters()).allMatch(p -> p.getArray().hasGradient());
        assertThat(flat.weights().getShape()).isEqualTo(new Shape(18));
        flat.weights().addi(1f);
        assertThat(parameters().get(1).getArray().toFloatArray()[2]).isEqualTo(before.get(1)[2] + 1f);
    }

    @Test
    void restoringASnapshotWritesIntoTheBufferAndKeepsTheBinding() {
        FlatParameters flat = FlatParameters.bind(parameters());
        WeightSnapshot snapshot = WeightSnapshot.of(model.getBlock());
        List<float[]> before = values();
        flat.weights().addi(1f);

        snapshot.restoreInto(model.getBlock());

        assertThat(flat.intact()).isTrue();
        assertThat(values()).containsExactlyElementsOf(before);
        float[] buffer = flat.weights().toFloatArray();
        assertThat(buffer[0]).isEqualTo(before.get(0)[0]);
        assertThat(buffer[17]).isEqualTo(before.get(1)[2]);
    }

    @Test
    void boundParametersReceiveTheSameGradientsAsUnboundOnes() {
        List<float[]> unbound = backward();
        FlatParameters.bind(parameters());

        assertThat(backward()).containsExactlyElementsOf(unbound);
    }

    private List<float[]> backward() {
        try (NDManager batch = model.getNDManager().newSubManager()) {
            NDArray x = batch.create(new float[] {1, -2, 3, 0.5f, 2, -1, 0, 1, 1, -3}, new Shape(2, 5));
            try (ThreadGradients tape = ThreadGradients.record()) {
                NDArray y = model.getBlock().forward(new ParameterStore(batch, false), new NDList(x), true).singletonOrThrow();
                tape.backward(y.square().sum());
            }
            return parameters().stream().map(p -> p.getArray().getGradient().toFloatArray()).toList();
        }
    }

    @Test
    void bindsNothingForOneParameterOrAnotherDataType() {
        assertThat(FlatParameters.bind(parameters().subList(0, 1))).isNull();
        try (NDManager m = NDManager.newBaseManager()) {
            Parameter doubles = Parameter.builder().setName("d").setType(Parameter.Type.WEIGHT).build();
            doubles.setArray(m.create(new double[] {1, 2}));
            assertThat(FlatParameters.bind(List.of(parameters().get(0), doubles))).isNull();
        }
    }

    @Test
    void updatingAllAtOnceMatchesUpdatingOneByOneExactly() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            layer();
            Optimizer oneByOne = OptimizerSpec.defaults(kind).withWeightDecay(0.01).build(Tracker.fixed(0.05f));
            for (int s = 1; s <= 3; s++) {
                stepOneByOne(oneByOne, s);
            }
            List<float[]> expected = values();
            List<String> expectedState = saved(oneByOne);
            model.close();

            layer();
            Optimizer atOnce = OptimizerSpec.defaults(kind).withWeightDecay(0.01).build(Tracker.fixed(0.05f));
            FlatParameters flat = FlatParameters.bind(parameters());
            for (int s = 1; s <= 3; s++) {
                assertThat(((FlatOptimizer) atOnce).updateAll(names(), flat, gradients(s))).isTrue();
            }
            assertThat(values()).as(kind.wireName()).containsExactlyElementsOf(expected);
            assertThat(saved(atOnce)).as(kind.wireName()).isEqualTo(expectedState);
            model.close();
        }
        layer();
    }

    /** The optimizer's saved state, name by name. */
    private static List<String> saved(Optimizer optimizer) {
        TrainingState state = new TrainingState();
        ((ResumableOptimizer) optimizer).saveState(state);
        List<String> out = new ArrayList<>();
        for (String n : state.names("optimizer/")) {
            out.add(n + "=" + (n.startsWith("optimizer/count/") ? String.valueOf(state.number(n))
                    : java.util.Arrays.toString(state.floats(n))));
        }
        return out;
    }

    @Test
    void stateSavedAfterUpdatesAtOnceContinuesExactlyOneByOneAndAtOnce() {
        List<float[]> start = values();
        Optimizer straight = ADAM.build(Tracker.fixed(0.05f));
        for (int s = 1; s <= 4; s++) {
            stepOneByOne(straight, s);
        }
        List<float[]> expected = values();

        for (boolean resumeAtOnce : new boolean[] {false, true}) {
            restore(start);
            Optimizer first = ADAM.build(Tracker.fixed(0.05f));
            FlatParameters flat = FlatParameters.bind(parameters());
            for (int s = 1; s <= 2; s++) {
                ((FlatOptimizer) first).updateAll(names(), flat, gradients(s));
            }
            TrainingState state = new TrainingState();
            ((ResumableOptimizer) first).saveState(state);
            Optimizer resumed = ADAM.build(Tracker.fixed(0.05f));
            ((ResumableOptimizer) resumed).restoreState(state);
            for (int s = 3; s <= 4; s++) {
                if (resumeAtOnce) {
                    assertThat(((FlatOptimizer) resumed).updateAll(names(), flat, gradients(s))).isTrue();
                } else {
                    stepOneByOne(resumed, s);
                }
            }
            assertThat(values()).as("resumed at once: %s", resumeAtOnce).containsExactlyElementsOf(expected);
        }
    }

    private void restore(List<float[]> weights) {
        for (int i = 0; i < weights.size(); i++) {
            parameters().get(i).getArray().set(weights.get(i));
        }
    }

    @Test
    void aParameterGivenAnotherNativeTensorBreaksTheBinding() {
        FlatParameters flat = FlatParameters.bind(parameters());
        parameters().get(0).getArray().intern(model.getNDManager().zeros(new Shape(3, 5)));

        assertThat(flat.intact()).isFalse();
    }

    @Test
    void aParameterGivenAnotherArrayBreaksTheBindingAndUpdatesAtOnceAreDeclined() {
        Optimizer adam = ADAM.build(Tracker.fixed(0.05f));
        FlatParameters flat = FlatParameters.bind(parameters());
        assertThat(((FlatOptimizer) adam).updateAll(names(), flat, gradients(1))).isTrue();
        Parameter bias = parameters().get(1);
        bias.close();
        bias.initialize(model.getNDManager(), DataType.FLOAT32);
        List<String> before = saved(adam);

        assertThat(flat.intact()).isFalse();
        assertThat(((FlatOptimizer) adam).updateAll(names(), flat, gradients(2))).isFalse();
        assertThat(saved(adam)).isEqualTo(before);
    }
}
