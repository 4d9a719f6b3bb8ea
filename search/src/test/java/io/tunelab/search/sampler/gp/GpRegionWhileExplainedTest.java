package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class GpRegionWhileExplainedTest {

    private static final GpOptions REGION = GpOptions.defaults();
    private static final GpOptions WHOLE = GpOptions.defaults().withAdaptiveRegion(false);
    private static final GpOptions WHILE_EXPLAINED = GpOptions.defaults().withRegionWhileExplained(true);

    /** A smooth bowl in four parameters: the GP explains it with next to no noise. */
    private static final Objective SMOOTH = t -> {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double x = t.suggestFloat("x" + i, 0, 1) - 0.3;
            s += x * x;
        }
        return s;
    };

    /** A loss drawn afresh for every point: no length scale explains it, so the fit puts it into the noise. */
    private static final Objective RUGGED = t -> {
        long h = 17;
        for (int i = 0; i < 4; i++) {
            h = 31 * h + Double.doubleToLongBits(t.suggestFloat("x" + i, 0, 1));
        }
        return new SplittableRandom(h).nextDouble();
    };

    private static List<Map<String, Object>> params(GpOptions options, Objective objective) {
        Study study = Study.builder("explained").seed(6).sampler(new GpSampler(RandomStreams.seeded(6), options)).create();
        study.optimize(objective, OptimizeOptions.trials(18).withParallelism(1));
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void whereTheModelExplainsTheLossesTheGpSearchesTuRbosRegion() {
        assertThat(params(WHILE_EXPLAINED, SMOOTH))
                .isEqualTo(params(REGION, SMOOTH))
                .isNotEqualTo(params(WHOLE, SMOOTH));
    }

    @Test
    void whereTheLossesAreTooRuggedForTheModelTheGpLeavesTheShrinkingRegionForTheWholeCube() {
        // after a few points the fit puts the drawn losses into the noise (variance above RUGGED_NOISE from about the
        // 13th trial on this seed): the region, shrinking after every four failures, stops confining the proposals
        double confined = meanDistanceFromTheBestSoFar(REGION);
        double gated = meanDistanceFromTheBestSoFar(WHILE_EXPLAINED);
        double whole = meanDistanceFromTheBestSoFar(WHOLE);
        // on this seed 0.09, 0.66 and 0.48
        assertThat(gated).isGreaterThan(4 * confined).isGreaterThan(whole / 2);
    }

    /** The mean distance of trials 20-29 (GP proposals) from the best trial before each, on {@link #RUGGED}. */
    private static double meanDistanceFromTheBestSoFar(GpOptions options) {
        Study study = Study.builder("explained").seed(6).sampler(new GpSampler(RandomStreams.seeded(6), options)).create();
        study.optimize(RUGGED, OptimizeOptions.trials(30).withParallelism(1));
        List<FrozenTrial> trials = study.trials();
        double sum = 0;
        for (int k = 20; k < 30; k++) {
            FrozenTrial best = trials.subList(0, k).stream().min(Comparator.comparingDouble(FrozenTrial::value))
                    .orElseThrow();
            double d2 = 0;
            for (int i = 0; i < 4; i++) {
                double d = trials.get(k).internalParam("x" + i) - best.internalParam("x" + i);
                d2 += d * d;
            }
            sum += Math.sqrt(d2);
        }
        return sum / 10;
    }

    @Test
    void theRegionAppliesBelowTheRuggedNoiseOnlyWhenAskedToAndIsDescribed() {
        assertThat(WHILE_EXPLAINED.adaptiveRegion(GpOptions.RUGGED_NOISE - 1e-9)).isTrue();
        assertThat(WHILE_EXPLAINED.adaptiveRegion(GpOptions.RUGGED_NOISE)).isFalse();
        assertThat(REGION.adaptiveRegion(0.9)).isTrue();
        assertThat(WHOLE.withRegionWhileExplained(true).adaptiveRegion(0)).isFalse();
        assertThat(WHILE_EXPLAINED.describe()).containsEntry("region_while_explained", true);
        assertThat(REGION.describe()).containsEntry("region_while_explained", false);
    }
}
