package io.tunelab.trainers.djl.optimizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.djl.TrainingState;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Each optimizer against its update rule worked out by hand, in doubles, on a two-element weight over
 * two steps: w0 = (1, -2), gradients (0.5, 0.1) then (-0.3, 0.4), learning rate 0.1.
 */
class OptimizersTest {
    private static final double LR = 0.1;
    private static final double[] W0 = {1, -2};
    private static final double[][] GRADS = {{0.5, 0.1}, {-0.3, 0.4}};
    private static final Offset<Float> CLOSE = Offset.offset(2e-6f);

    private static float[] run(OptimizerSpec spec) {
        try (NDManager manager = NDManager.newBaseManager()) {
            Optimizer optimizer = spec.build(Tracker.fixed((float) LR));
            NDArray w = manager.create(new float[] {(float) W0[0], (float) W0[1]});
            for (double[] g : GRADS) {
                optimizer.update("w", w, manager.create(new float[] {(float) g[0], (float) g[1]}));
            }
            return w.toFloatArray();
        }
    }

    private static void assertMatches(float[] actual, double[] expected) {
        assertThat(actual[0]).isCloseTo((float) expected[0], CLOSE);
        assertThat(actual[1]).isCloseTo((float) expected[1], CLOSE);
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        double[] w = W0.clone();
        for (double[] g : GRADS) {
            for (int i = 0; i < 2; i++) {
                w[i] -= LR * g[i];
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.SGD)), w);
    }

    @Test
    void sgdWithWeightDecayAddsTheL2Gradient() {
        double wd = 0.01;
        double[] w = W0.clone();
        for (double[] g : GRADS) {
            for (int i = 0; i < 2; i++) {
                w[i] -= LR * (g[i] + wd * w[i]);
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.SGD).withWeightDecay(wd)), w);
    }

    @Test
    void momentumAccumulatesAVelocity() {
        double mu = 0.9;
        double[] w = W0.clone();
        double[] v = new double[2];
        for (double[] g : GRADS) {
            for (int i = 0; i < 2; i++) {
                v[i] = mu * v[i] + LR * g[i];
                w[i] -= v[i];
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.MOMENTUM)), w);
    }

    @Test
    void nesterovLooksAheadAlongItsMomentumBuffer() {
        double mu = 0.9;
        double[] w = W0.clone();
        double[] b = new double[2];
        for (double[] g : GRADS) {
            for (int i = 0; i < 2; i++) {
                b[i] = mu * b[i] + g[i];
                w[i] -= LR * (g[i] + mu * b[i]);
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.NESTEROV)), w);
    }

    @Test
    void adaGradScalesByTheRootOfTheSummedSquares() {
        double eps = 1e-7;
        double[] w = W0.clone();
        double[] s = new double[2];
        for (double[] g : GRADS) {
            for (int i = 0; i < 2; i++) {
                s[i] += g[i] * g[i];
                w[i] -= LR * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.ADAGRAD)), w);
    }

    @Test
    void rmsPropScalesByADecayingMeanOfSquares() {
        double rho = 0.9;
        double eps = 1e-7;
        double[] w = W0.clone();
        double[] s = new double[2];
        for (double[] g : GRADS) {
            for (int i = 0; i < 2; i++) {
                s[i] = rho * s[i] + (1 - rho) * g[i] * g[i];
                w[i] -= LR * g[i] / (Math.sqrt(s[i]) + eps);
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.RMSPROP)), w);
    }

    private static double[] adam(double weightDecay, boolean decoupled) {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        double[] w = W0.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        int t = 0;
        for (double[] grad : GRADS) {
            t++;
            double stepSize = LR * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            for (int i = 0; i < 2; i++) {
                double g = decoupled ? grad[i] : grad[i] + weightDecay * w[i];
                if (decoupled) {
                    w[i] -= LR * weightDecay * w[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                w[i] -= stepSize * m[i] / (Math.sqrt(v[i]) + eps);
            }
        }
        return w;
    }

    @Test
    void adamUsesBiasCorrectedMoments() {
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.ADAM)), adam(0, false));
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.ADAM).withWeightDecay(0.1)), adam(0.1, false));
    }

    @Test
    void adamWDecaysTheWeightsApartFromTheGradient() {
        float[] adamW = run(OptimizerSpec.defaults(OptimizerKind.ADAMW).withWeightDecay(0.1));

        assertMatches(adamW, adam(0.1, true));
        assertThat(adamW).isNotEqualTo(run(OptimizerSpec.defaults(OptimizerKind.ADAM).withWeightDecay(0.1)));
    }

    @Test
    void adaMaxDividesByAnExponentiallyWeightedInfinityNorm() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        double[] w = W0.clone();
        double[] m = new double[2];
        double[] u = new double[2];
        int t = 0;
        for (double[] g : GRADS) {
            t++;
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                u[i] = Math.max(b2 * u[i], Math.abs(g[i]));
                w[i] -= LR / (1 - Math.pow(b1, t)) * m[i] / (u[i] + eps);
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.ADAMAX)), w);
    }

    @Test
    void nadamAppliesTheMomentumStepAhead() {
        double b1 = 0.9;
        double b2 = 0.999;
        double eps = 1e-7;
        double[] w = W0.clone();
        double[] m = new double[2];
        double[] v = new double[2];
        int t = 0;
        for (double[] g : GRADS) {
            t++;
            for (int i = 0; i < 2; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = b1 * m[i] / (1 - Math.pow(b1, t + 1)) + (1 - b1) * g[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                w[i] -= LR * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        assertMatches(run(OptimizerSpec.defaults(OptimizerKind.NADAM)), w);
    }

    /** Two updates of weights a and b with gradients made from {@code step}. */
    private static void updateBoth(Optimizer optimizer, NDArray a, NDArray b, float step) {
        NDManager m = a.getManager();
        optimizer.update("a", a, m.create(new float[] {0.5f * step, -0.25f}));
        optimizer.update("b", b, m.create(new float[] {0.125f + step}));
    }

    @Test
    void aRestoredOptimizerContinuesExactlyAsTheOneItsStateWasSavedFrom() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                OptimizerSpec spec = OptimizerSpec.defaults(kind).withWeightDecay(0.01);
                Optimizer original = spec.build(Tracker.fixed(0.1f));
                NDArray a = manager.create(new float[] {1, -2});
                NDArray b = manager.create(new float[] {0.5f});
                updateBoth(original, a, b, 1);
                updateBoth(original, a, b, 2);
                TrainingState saved = new TrainingState();
                ((ResumableOptimizer) original).saveState(saved);
                Optimizer restored = spec.build(Tracker.fixed(0.1f));
                ((ResumableOptimizer) restored).restoreState(saved);
                NDArray a2 = a.duplicate();
                NDArray b2 = b.duplicate();

                updateBoth(original, a, b, 3);
                updateBoth(restored, a2, b2, 3);

                assertThat(a2.toFloatArray()).as(kind.wireName()).containsExactly(a.toFloatArray());
                assertThat(b2.toFloatArray()).as(kind.wireName()).containsExactly(b.toFloatArray());
                assertThat(saved.names("optimizer/state/")).as(kind.wireName())
                        .allMatch(n -> n.matches("optimizer/state/[a-z_]+/[ab]"));
            }
        }
        TrainingState adam = new TrainingState();
        try (NDManager manager = NDManager.newBaseManager()) {
            Optimizer optimizer = OptimizerSpec.defaults(OptimizerKind.ADAM).build(Tracker.fixed(0.1f));
            updateBoth(optimizer, manager.create(new float[] {1, -2}), manager.create(new float[] {0.5f}), 1);
            ((ResumableOptimizer) optimizer).saveState(adam);
        }
        assertThat(adam.names("optimizer/state/")).containsExactlyInAnyOrder("optimizer/state/mean/a",
                "optimizer/state/variance/a", "optimizer/state/mean/b", "optimizer/state/variance/b");
    }

    @Test
    void updatesLeaveNoTemporaryArraysBehind() {
        for (OptimizerKind kind : OptimizerKind.values()) {
            try (NDManager manager = NDManager.newBaseManager()) {
                Optimizer optimizer = OptimizerSpec.defaults(kind).withWeightDecay(0.01).build(Tracker.fixed(0.1f));
                NDArray w = manager.create(new float[] {1, 2});
                NDArray g = manager.create(new float[] {0.5f, 0.5f});
                optimizer.update("w", w, g);
                int afterFirst = manager.getManagedArrays().size();
                for (int i = 0; i < 5; i++) {
                    optimizer.update("w", w, g);
                }
                assertThat(manager.getManagedArrays()).as(kind.wireName()).hasSize(afterFirst);
            }
        }
    }

    @Test
    void namesAreParsedCaseInsensitivelyAndUnknownOnesListTheChoices() {
        assertThat(OptimizerKind.of("RMSProp")).isEqualTo(OptimizerKind.RMSPROP);
        assertThatThrownBy(() -> OptimizerKind.of("lion")).isInstanceOf(TrainersException.class)
                .hasMessageContaining("sgd, momentum, nesterov, adagrad, rmsprop, adam, adamax, nadam, adamw, got 'lion'");
    }

    @Test
    void settingsOutsideTheirRangeAreRejected() {
        assertThatThrownBy(() -> OptimizerSpec.defaults(OptimizerKind.MOMENTUM).withMomentum(1.0))
                .isInstanceOf(TrainersException.class).hasMessage("momentum must be in [0, 1), got 1.0");
    }
}
