package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NoiseScaleTest {

    @Test
    void theScaleIsTheMedianRegretOfRandomPoints() {
        // f(x) = x0 + x1 on the unit square, f* = 0: the median of the sum of two uniforms is 1
        BenchProblem plane = ContinuousProblem.cube("noise-scale-plane", 2, 0, 1, 0, 10, x -> x[0] + x[1]);
        assertThat(NoiseScale.of(plane)).isBetween(0.95, 1.05);
        // the same with the optimum moved: the scale is taken from f*, not from zero
        BenchProblem shifted = ContinuousProblem.cube("noise-scale-shifted", 2, 0, 1, -3, 10, x -> x[0] + x[1] - 3);
        assertThat(NoiseScale.of(shifted)).isEqualTo(NoiseScale.of(plane), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void everySingleObjectiveProblemHasAPositiveFiniteScale() {
        for (BenchProblem p : BenchProblems.singleObjective()) {
            assertThat(NoiseScale.of(p)).as(p.name()).isPositive().isFinite();
        }
        for (String name : BenchProblems.CLASSIC) {
            assertThat(NoiseScale.of(BenchProblems.byName(name))).as(name).isPositive().isFinite();
        }
    }

    @Test
    void aProblemOfSeveralObjectivesHasNoScale() {
        assertThatThrownBy(() -> NoiseScale.of(BenchProblems.byName("zdt1"))).hasMessageContaining("zdt1");
    }
}
