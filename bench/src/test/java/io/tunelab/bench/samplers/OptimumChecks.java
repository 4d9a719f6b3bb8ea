package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Checks shared by the tests of the problem groups: a stated optimum is a lower bound of the function. */
final class OptimumChecks {
    private OptimumChecks() {
    }

    /** Asserts that 20,000 uniform points of each named box problem, drawn from {@code seed}, are not below its optimum. */
    static void noRandomPointFallsBelowTheOptimum(List<String> names, long seed, double tolerance) {
        SplittableRandom random = new SplittableRandom(seed);
        for (String name : names) {
            ContinuousProblem p = (ContinuousProblem) BenchProblems.byName(name);
            for (int k = 0; k < 20_000; k++) {
                double[] x = new double[p.dimension()];
                Arrays.setAll(x, i -> p.low()[i] + random.nextDouble() * (p.high()[i] - p.low()[i]));
                assertThat(p.function().applyAsDouble(x)).as(name).isGreaterThanOrEqualTo(p.optimum() - tolerance);
            }
        }
    }
}
