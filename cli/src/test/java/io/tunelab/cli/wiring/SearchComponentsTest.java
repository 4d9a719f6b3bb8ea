package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.spec.SpecFiles;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import io.tunelab.search.pruner.HyperbandPruner;
import io.tunelab.search.pruner.MedianPruner;
import io.tunelab.search.pruner.NopPruner;
import io.tunelab.search.pruner.PercentilePruner;
import io.tunelab.search.pruner.Pruner;
import io.tunelab.search.pruner.SuccessiveHalvingPruner;
import io.tunelab.search.sampler.GridSampler;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.auto.AutoSampler;
import io.tunelab.search.sampler.qmc.QmcSampler;
import io.tunelab.search.sampler.tpe.TpeOptions;
import io.tunelab.search.sampler.tpe.TpeSampler;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SearchComponentsTest {

    private static StudySpec spec(String extra) {
        return new StudySpecParser().parse(SpecFiles.adding(extra), "s.yaml");
    }

    private static Pruner pruner(String yaml) {
        return SearchComponents.pruner(spec(yaml).pruner(), 1);
    }

    private static Sampler sampler(String yaml) {
        StudySpec s = spec(yaml);
        return SearchComponents.sampler(s.sampler(), s.space(), s.space().distributions(), false).apply(RandomStreams.seeded(1));
    }

    @Test
    void everyPrunerTypeIsBuiltWithItsOptions() {
        assertThat(SearchComponents.pruner(new StudySpecParser().parse(SpecFiles.MINIMAL, "s.yaml").pruner(), 1))
                .isInstanceOf(NopPruner.class);
        assertThat(pruner("pruner: {type: median, startup_trials: 3, warmup_steps: 2}"))
                .isEqualTo(new MedianPruner(3, 2, 1, 1, 1));
        assertThat(pruner("pruner: {type: percentile, percentile: 25}"))
                .isInstanceOfSatisfying(PercentilePruner.class, p -> assertThat(p.percentile()).isEqualTo(25));
        assertThat(pruner("pruner: {type: asha, min_resource: 2, reduction_factor: 3}").describe())
                .containsEntry("min_resource", 2).containsEntry("reduction_factor", 3);
        assertThat(pruner("pruner: {type: asha}")).isInstanceOf(SuccessiveHalvingPruner.class);
        assertThat(pruner("pruner: {type: hyperband, min_resource: 1, max_resource: 27, reduction_factor: 3}").describe())
                .containsEntry("max_resource", 27);
        assertThat(pruner("pruner: {type: hyperband}")).isInstanceOf(HyperbandPruner.class);
    }

    @Test
    void simpleSamplersAreBuiltFromTheStudySeed() {
        assertThat(sampler("sampler: {type: random, seed: 3}")).isInstanceOf(RandomSampler.class);
        assertThat(sampler("sampler: {type: qmc}")).isInstanceOf(QmcSampler.class);
    }

    @Test
    void bayesianAndEvolutionarySamplersTakeTheirOptions() {
        assertThat(sampler("sampler: {type: tpe, startup_trials: 4, multivariate: true, group: true}"))
                .isInstanceOfSatisfying(TpeSampler.class, t -> {
                    assertThat(t.options().startupTrials()).isEqualTo(4);
                    assertThat(t.options().group()).isTrue();
                    assertThat(t.options().constantLiar()).isFalse();
                    assertThat(t.options().modelCredit()).isTrue();
                });
        assertThat(sampler("sampler: {type: tpe, model_credit: false}"))
                .isInstanceOfSatisfying(TpeSampler.class, t -> assertThat(t.options().modelCredit()).isFalse());
        StudySpec s = spec("sampler: {type: tpe}");
        assertThat(SearchComponents.sampler(s.sampler(), s.space(), s.space().distributions(), true).apply(RandomStreams.seeded(1)))
                .isInstanceOfSatisfying(TpeSampler.class, t -> assertThat(t.options().constantLiar()).isTrue());
        assertThat(sampler("sampler: {type: gp, max_points: 50}").describe().toString()).contains("50");
        assertThat(sampler("sampler: {type: gp}").describe()).containsEntry("adaptive_region", true);
        assertThat(sampler("sampler: {type: gp, adaptive_region: false}").describe()).containsEntry("adaptive_region", false);
        assertThat(sampler("sampler: {type: nsga2, population_size: 20}").describe()).containsEntry("population_size", 20);
        assertThat(sampler("sampler: {type: auto}").describe()).containsEntry("tpe_every", 3);
        assertThat(sampler("sampler: {type: auto, tpe_every: 0}").describe()).containsEntry("tpe_every", 0);
        assertThat(sampler("sampler: {type: auto}").describe()).containsEntry("local_every", 3);
        assertThat(sampler("sampler: {type: auto, local_every: 0}").describe()).containsEntry("local_every", 0);
    }

    /** The study file's checks and the samplers' own must agree: a file that passes them must not fail at the run. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "sampler: {type: auto, gp_trials_per_dimension: 1, tpe_every: 1, local_every: 2}",
        "sampler: {type: auto, tpe_every: 0, local_every: 0}",
        "sampler: {type: tpe, startup_trials: 0, ei_candidates: 1, gamma: 1, prior_weight: 0.000001, small_space_ei_candidates: 0}",
        "sampler: {type: gp, startup_trials: 1, max_points: 10, restarts: 1, adaptive_region: false}",
        "sampler: {type: cmaes, startup_trials: 0, popsize: 2, sigma0: 1, margin: false, restarts: false}",
        "sampler: {type: nsga2, population_size: 2, crossover_prob: 0, mutation_prob: 1, crossover_eta: 0.000001, "
                + "mutation_eta: 0.000001}",
        "sampler: {type: nsga2, crossover_prob: 1, mutation_prob: 0}",
        "sampler: {type: qmc, scramble: false}"})
    void theEdgeValuesAStudyFileAdmitsBuildTheSampler(String yaml) {
        assertThat(sampler(yaml)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "pruner: {type: median, startup_trials: 0, warmup_steps: 0, interval_steps: 1}",
        "pruner: {type: percentile, percentile: 0}",
        "pruner: {type: percentile, percentile: 100}",
        "pruner: {type: asha, min_resource: 1, reduction_factor: 2, min_early_stopping_rate: 0}",
        "pruner: {type: hyperband, min_resource: 1, max_resource: 1, reduction_factor: 2}"})
    void theEdgeValuesAStudyFileAdmitsBuildThePruner(String yaml) {
        assertThat(pruner(yaml)).isNotNull();
    }

    @Test
    void aTpeSamplersSmallSpaceCandidatesDefaultToTheApisAndGiveWayToAnExplicitEiCandidates() {
        assertThat(sampler("sampler: {type: tpe}")).isInstanceOfSatisfying(TpeSampler.class,
                t -> assertThat(t.options()).isEqualTo(TpeOptions.defaults()));
        assertThat(sampler("sampler: {type: tpe, ei_candidates: 24}")).isInstanceOfSatisfying(TpeSampler.class,
                t -> assertThat(t.options().smallSpaceEiCandidates()).as("24 meant everywhere").isZero());
        assertThat(sampler("sampler: {type: tpe, ei_candidates: 24, small_space_ei_candidates: 48}").describe())
                .containsEntry("ei_candidates", 24).containsEntry("small_space_ei_candidates", 48);
        assertThat(sampler("sampler: {type: tpe, small_space_ei_candidates: 0}").describe())
                .containsEntry("small_space_ei_candidates", 0);
    }

    @Test
    void aStudyFilesAutoSamplerHasEveryDefaultOfTheJavaApi() {
        Map<String, Object> file = new HashMap<>(sampler("sampler: {type: auto}").describe());
        Map<String, Object> api = new HashMap<>(new AutoSampler(RandomStreams.seeded(1)).describe());
        file.remove("seed");
        api.remove("seed");
        assertThat(file).isEqualTo(api);
    }

    @Test
    void aGridCoversTheFileSpace() {
        String yaml = SpecFiles.MINIMAL.replace("lr: {reciprocal: [1e-4, 1e-1]}", "units: {int: [1, 3]}\n  act: {choice: [relu, elu]}")
                + "sampler: {type: grid}\n";
        StudySpec s = new StudySpecParser().parse(yaml, "g.yaml");
        Sampler grid = SearchComponents.sampler(s.sampler(), s.space(), s.space().distributions(), false).apply(RandomStreams.seeded(1));
        assertThat(grid).isInstanceOfSatisfying(GridSampler.class, g -> assertThat(g.size()).isEqualTo(6));
    }

    @Test
    void aGridOverAConditionalSpaceHasEachConfigurationOnce() {
        String yaml = SpecFiles.MINIMAL.replace("lr: {reciprocal: [1e-4, 1e-1]}", """
                max_depth: {int: [2, 4]}
                  impurity: {choice: [gini, entropy]}
                  fraction_features: {float: [0.5, 1.0], step: 0.5, when: {impurity: entropy}}""") + "sampler: {type: grid}\n";
        StudySpec s = new StudySpecParser().parse(yaml, "grid1.yaml");

        Sampler grid = SearchComponents.sampler(s.sampler(), s.space(), s.space().distributions(), false)
                .apply(RandomStreams.seeded(1));

        assertThat(grid).isInstanceOfSatisfying(GridSampler.class, g -> assertThat(g.size()).isEqualTo(9));
    }
}
