package io.tunelab.search.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Samplers that work in the unit cube (TPE, GP, QMC, NSGA-II) search an exponential parameter through its
 * cumulative probability: every value lies in its support, and a model-based sampler closes in on the optimum.
 */
class ExponentialSamplingTest {
    private static final double OPTIMUM = 3;

    static Stream<Arguments> samplers() {
        return Stream.of(
                Arguments.of("tpe", (Function<RandomStreams, Sampler>) TpeSampler::new, 0.3),
                Arguments.of("gp", (Function<RandomStreams, Sampler>) GpSampler::new, 0.3),
                Arguments.of("qmc", (Function<RandomStreams, Sampler>) QmcSampler::new, 1.0),
                Arguments.of("nsga2", (Function<RandomStreams, Sampler>) Nsga2Sampler::new, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samplers")
    void findsTheOptimumOfAnExponentialParameterWithinItsSupport(String name, Function<RandomStreams, Sampler> sampler,
                                                                 double tolerance) {
        Study study = Study.builder("expon-" + name).direction(Direction.MINIMIZE).seed(5).sampler(sampler).create();

        study.optimize(t -> Math.abs(t.suggestExpon("x", 1, 1.5) - OPTIMUM), OptimizeOptions.trials(40).withParallelism(1));

        assertThat(study.trials()).allSatisfy(t -> assertThat((Double) t.params().get("x")).isGreaterThanOrEqualTo(1));
        FrozenTrial best = study.bestTrial();
        assertThat(best.value()).as("best x = %s", best.params().get("x")).isLessThan(tolerance);
    }
}
