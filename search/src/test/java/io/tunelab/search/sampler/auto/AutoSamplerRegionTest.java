package io.tunelab.search.sampler.auto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.SamplerException;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class AutoSamplerRegionTest {

    /** {@code auto}'s GP phase with GP turns only: no TPE turns, no local steps, no credit. */
    private static final AutoOptions GP_ALONE = AutoOptions.defaults().withTpeEvery(0).withLocalEvery(0)
            .withCreditMinParameters(0);

    private static Objective sphere(int dims) {
        return t -> {
            double s = 0;
            for (int i = 0; i < dims; i++) {
                double x = t.suggestFloat("x" + i, -5, 5) - 1.5;
                s += x * x;
            }
            return s;
        };
    }

    private static List<Map<String, Object>> params(Sampler sampler, Objective objective) {
        Study study = Study.builder("region").seed(5).sampler(sampler).create();
        study.optimize(objective, OptimizeOptions.trials(15).withParallelism(1));
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    private static List<Map<String, Object>> auto(AutoOptions options, Objective objective) {
        return params(new AutoSampler(RandomStreams.seeded(5), options), objective);
    }

    private static List<Map<String, Object>> gp(boolean region, Objective objective) {
        return params(new GpSampler(RandomStreams.seeded(5), AutoSampler.gpDefaults().withAdaptiveRegion(region)), objective);
    }

    @Test
    void inSpacesOfAtLeastRegionMinParametersTheGpTurnsSearchTuRbosTrustRegionWhileTheModelExplainsTheLosses() {
        Objective fourD = sphere(4);
        assertThat(auto(GP_ALONE.withRegionMinParameters(4), fourD))
                .isEqualTo(gp(true, fourD))
                .isNotEqualTo(gp(false, fourD));
    }

    @Test
    void inSmallerSpacesOrWithRegionMinParametersZeroTheGpTurnsSearchTheWholeCube() {
        Objective threeD = sphere(3);
        assertThat(auto(GP_ALONE.withRegionMinParameters(4), threeD)).isEqualTo(gp(false, threeD));
        Objective fourD = sphere(4);
        assertThat(auto(GP_ALONE.withRegionMinParameters(0), fourD)).isEqualTo(gp(false, fourD));
    }

    @Test
    void inEverySpaceByDefaultTheOptionIsDescribedAndANegativeValueIsRefusedByName() {
        assertThat(AutoOptions.defaults().regionMinParameters()).isEqualTo(1);
        assertThat(AutoSampler.gpDefaults().regionWhileExplained()).isTrue();
        assertThat(new AutoSampler(RandomStreams.seeded(1), AutoOptions.defaults().withRegionMinParameters(4)).describe())
                .containsEntry("region_min_parameters", 4);
        assertThat(AutoOptions.defaults().withRegionMinParameters(4).regionTurn(4)).isTrue();
        assertThat(AutoOptions.defaults().withRegionMinParameters(4).regionTurn(3)).isFalse();
        assertThatThrownBy(() -> AutoOptions.defaults().withRegionMinParameters(-1))
                .isInstanceOf(SamplerException.class)
                .hasMessageContaining("regionMinParameters must be >= 0 (0: never), got -1");
    }
}
