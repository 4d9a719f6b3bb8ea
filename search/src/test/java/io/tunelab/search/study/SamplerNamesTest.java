package io.tunelab.search.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.sampler.GridSampler;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.SamplerException;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.cmaes.CmaesSampler;
import io.tunelab.search.sampler.gp.GpSampler;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeSampler;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SamplerNamesTest {

    @Test
    void everyNameGivesItsSampler() {
        GridSampler grid = new GridSampler(Map.of("x", FloatDistribution.stepped(0, 1, 0.5)));
        assertThat(SamplerNames.NAMES).containsExactly("auto", "random", "grid", "qmc", "tpe", "gp", "cmaes", "nsga2");
        List<Class<?>> built = SamplerNames.NAMES.stream()
                .<Class<?>>map(name -> SamplerNames.byName(name, Map.of(), () -> grid).apply(RandomStreams.seeded(1)).getClass())
                .toList();
        assertThat(built).containsExactly(AutoSampler.class, RandomSampler.class, GridSampler.class, QmcSampler.class,
                        TpeSampler.class, GpSampler.class, CmaesSampler.class, Nsga2Sampler.class);
    }

    @Test
    void theStudySeedSeedsASamplerChosenByName() {
        List<Object> first = params(3);
        assertThat(params(3)).isEqualTo(first);
        assertThat(params(4)).isNotEqualTo(first);
    }

    private static List<Object> params(long seed) {
        Study study = Study.builder("named").seed(seed).sampler("tpe").create();
        study.optimize(t -> t.suggestFloat("x", 0, 1), 12);
        assertThat(study.trials().get(11).systemAttrs()).containsEntry("sampler", "tpe");
        return study.trials().stream().map(FrozenTrial::params).map(p -> p.get("x")).toList();
    }

    @Test
    void optionsTakeTheStudyFileNames() {
        Map<String, Object> options = Map.of("startup_trials", 3, "multivariate", false);
        TpeSampler tpe = (TpeSampler) SamplerNames.byName("tpe", options, null)
                .apply(RandomStreams.seeded(1));
        assertThat(tpe.describe()).containsEntry("startup_trials", 3).containsEntry("multivariate", false);
    }

    @Test
    void anUnknownNameIsRefusedNamingItAndListingTheValidOnes() {
        assertThatThrownBy(() -> Study.builder("s").sampler("bayes"))
                .isInstanceOf(SamplerException.class)
                .hasMessage("sampler: unknown sampler 'bayes'; expected one of auto, random, grid, qmc, tpe, gp, cmaes, nsga2");
    }

    @Test
    void anOptionTheSamplerDoesNotHaveIsRefusedListingThoseItHas() {
        assertThatThrownBy(() -> SamplerNames.byName("qmc", Map.of("scrambel", true), null))
                .isInstanceOf(SamplerException.class)
                .hasMessage("sampler 'qmc' has no option 'scrambel'; its options: scramble");
        assertThatThrownBy(() -> SamplerNames.byName("gp", Map.of("restarts", "many"), null))
                .isInstanceOf(SamplerException.class).hasMessageContaining("'restarts' must be a whole number, got many");
    }

    @Test
    void gridWithoutItsPointsIsRefused() {
        assertThatThrownBy(() -> SamplerNames.byName("grid")).isInstanceOf(SamplerException.class)
                .hasMessageContaining("'grid' needs its points");
    }
}
