package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Instances pinned to the reference implementation: the optimal value and the optimum of a few (function, instance,
 * dimension) triples equal those of COCO's BBOB suite (numbbo/coco, {@code code-experiments/src}). The expected numbers
 * were computed outside this code base, by a separate transcription of the reference's {@code bbob2009_unif}, {@code
 * bbob2009_gauss}, {@code bbob2009_compute_xopt} and {@code bbob2009_compute_fopt} ({@code suite_bbob_legacy_code.c})
 * run by hand, with the seeds {@code suite_bbob.c} gives each function (f4 and f18 take those of f3 and f17) and the
 * per-function steps of the reference: f8's optimum scaled by 0.75 ({@code f_rosenbrock.c}), f4's even-indexed
 * coordinates made positive ({@code f_bueche_rastrigin.c}), f12's optimum drawn from seed + 1,000,000 ({@code
 * f_bent_cigar.c}).
 */
class BbobReferenceInstancesTest {

    static Stream<Arguments> reference() {
        return Stream.of(
                Arguments.of(1, 1, 79.48, new double[] {0.2528, -1.1568}),
                Arguments.of(2, 1, -209.88, new double[] {1.2072, 0.448}),
                Arguments.of(8, 1, 149.15, new double[] {-0.0552, -0.3708}),
                Arguments.of(15, 1, 1000.0, new double[] {-3.0568, 3.0016}),
                Arguments.of(4, 2, 77.66, new double[] {2.3984, -0.856, 1.272, 3.3232, 2.464}),
                Arguments.of(12, 3, 56.61, new double[] {-3.8512, -2.2808, -3.8672, 0.6832, -2.92}),
                Arguments.of(18, 2, 18.81, new double[] {-0.1912, 1.7808, -0.8224, -0.0336, 1.672, -3.244, 0.2096, 0.3784,
                    0.3632, 2.6832}));
    }

    @ParameterizedTest(name = "f{0} instance {1}")
    @MethodSource("reference")
    void theOptimalValueAndTheOptimumAreTheReferenceImplementations(int function, int instance, double fopt, double[] xopt) {
        BbobFunction f = BbobSuite.function(function, xopt.length, instance);

        assertThat(f.fopt()).as(f.label() + " fopt").isEqualTo(fopt);
        assertThat(f.xopt()).as(f.label() + " xopt").containsExactly(xopt, within(1e-12));
    }
}
