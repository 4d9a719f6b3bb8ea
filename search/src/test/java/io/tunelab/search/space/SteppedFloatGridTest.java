package io.tunelab.search.space;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.GridSampler;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.RangeOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stepped float's values are its decimal grid points, however a sampler reaches them. */
class SteppedFloatGridTest {
    private static final FloatDistribution FRACTION = FloatDistribution.stepped(0.3, 1.0, 0.1);
    private static final List<Double> DECIMAL_GRID = List.of(0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);

    @Test
    void theGridPointsAreTheDecimalsLowPlusKSteps() {
        assertThat(List.of(0, 1, 2, 3, 4, 5, 6, 7).stream().map(FRACTION::gridPoint).toList()).isEqualTo(DECIMAL_GRID);
    }

    @Test
    void snappingAndStoringAValueGiveItsDecimalGridPoint() {
        assertThat(FRACTION.snap(0.3 + 3 * 0.1)).isEqualTo(0.6);
        assertThat(FRACTION.snap(0.62)).isEqualTo(0.6);
        assertThat(FRACTION.toExternal(0.6000000000000001)).isEqualTo(0.6);
        assertThat(FRACTION.toExternal(0.9000000000000001)).isEqualTo(0.9);
    }

    @Test
    void unsteppedValuesAreKeptAsTheyAre() {
        FloatDistribution continuous = FloatDistribution.uniform(0.3, 1.0);

        assertThat(continuous.toExternal(0.6000000000000001)).isEqualTo(0.6000000000000001);
        assertThat(continuous.snap(0.6000000000000001)).isEqualTo(0.6000000000000001);
    }

    @Test
    void theRandomSamplerStoresOnlyDecimalGridPoints() {
        Study study = Study.builder("stepped").seed(3).sampler(RandomSampler::new).create();
        study.optimize(t -> t.suggestFloat("fraction", 0.3, 1.0, RangeOptions.step(0.1)), OptimizeOptions.trials(60));

        assertThat(study.trials()).extracting(t -> t.params().get("fraction")).allMatch(DECIMAL_GRID::contains)
                .contains(0.6, 0.9);
    }

    @Test
    void theGridSamplerWalksTheDecimalGridPoints() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("fraction", FRACTION);
        Study study = Study.builder("stepped").sampler(s -> new GridSampler(space)).create();
        study.optimize(t -> t.suggestFloat("fraction", 0.3, 1.0, RangeOptions.step(0.1)), OptimizeOptions.trials(20));

        assertThat(study.trials()).extracting(t -> t.params().get("fraction")).containsExactlyElementsOf(DECIMAL_GRID);
    }
}
