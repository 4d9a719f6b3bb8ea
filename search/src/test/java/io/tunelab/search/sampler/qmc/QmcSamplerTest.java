package io.tunelab.search.sampler.qmc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Histories;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.RangeOptions;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QmcSamplerTest {
    private static final Objective PLANE = t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1);

    private static Map<String, Distribution> plane() {
        return Map.of("x", FloatDistribution.uniform(0, 1), "y", FloatDistribution.uniform(0, 1));
    }

    private static Study run(String name, long seed, Map<String, Distribution> space, Objective objective,
                             int trials, int parallelism) {
        Study study = Study.builder(name).seed(seed)
                .sampler(streams -> new QmcSampler(streams, true, space)).create();
        study.optimize(objective, OptimizeOptions.trials(trials).withParallelism(parallelism));
        return study;
    }

    private static List<Map<String, Object>> params(Study study) {
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void givesTrialNumberNTheSobolPointN() {
        Study study = run("qmc-points", 5, plane(), PLANE, 8, 1);
        SobolSequence sobol = SobolSequence.scrambled(2, RandomStreams.seeded(5).forStudy("qmc-sobol-scramble"));

        for (FrozenTrial t : study.trials()) {
            double[] u = sobol.point(t.number());
            assertThat(t.params()).containsEntry("x", u[0]).containsEntry("y", u[1]);
        }
    }

    @Test
    void takesTheSpaceOfTheFirstCompletedTrialAndStratifiesEveryParameter() {
        Study study = run("qmc-inferred", 1, Map.of(), PLANE, 64, 1);

        for (String name : List.of("x", "y")) {
            Set<Integer> cells = new HashSet<>();
            study.trials().subList(1, 64).forEach(t -> cells.add((int) ((Double) t.params().get(name) * 64)));
            assertThat(cells).as("1/64 intervals of %s hit by trials 1..63", name).hasSize(63);
        }
    }

    @Test
    void spreadsACategoricalEvenlyOverItsChoices() {
        Map<String, Distribution> space = Map.of("opt", CategoricalDistribution.of("sgd", "adam", "rmsprop", "nag"));
        Study study = run("qmc-categorical", 2, space,
                t -> t.suggestCategorical("opt", List.of("sgd", "adam", "rmsprop", "nag")).length(), 64, 1);

        Map<Object, Integer> counts = new LinkedHashMap<>();
        study.trials().forEach(t -> counts.merge(t.params().get("opt"), 1, Integer::sum));
        assertThat(counts).containsOnlyKeys("sgd", "adam", "rmsprop", "nag").allSatisfy((k, v) -> assertThat(v).isEqualTo(16));
    }

    @Test
    void theSameSeedGivesTheSameParametersAndAnotherSeedOthers() {
        Study a = run("qmc-a", 7, Map.of(), PLANE, 20, 1);
        Study b = run("qmc-b", 7, Map.of(), PLANE, 20, 1);
        Study c = run("qmc-c", 8, Map.of(), PLANE, 20, 1);

        assertThat(params(a)).isEqualTo(params(b));
        for (int n = 0; n < 20; n++) {
            assertThat(params(c).get(n)).as("trial %d", n).isNotEqualTo(params(a).get(n));
        }
    }

    @Test
    void givesTheSameParametersPerTrialNumberWithParallelismTwo() {
        assertThat(params(run("qmc-parallel", 3, plane(), PLANE, 40, 2)))
                .isEqualTo(params(run("qmc-sequential", 3, plane(), PLANE, 40, 1)));
    }

    @Test
    void keepsValuesInRangeAndAdmissibleForLogIntAndSteppedParameters() {
        Objective mixed = t -> t.suggestReciprocal("lr", 1e-5, 1e-1) + t.suggestInt("units", 16, 1024, RangeOptions.log())
                + t.suggestFloat("dropout", 0, 0.5, RangeOptions.step(0.1)) + t.suggestInt("batch", 16, 128, RangeOptions.step(16));
        Study study = run("qmc-mixed", 4, Map.of(), mixed, 100, 1);

        for (FrozenTrial t : study.trials()) {
            t.distributions().forEach((name, d) ->
                    assertThat(d.contains(t.internalParam(name))).as("%s of trial %d", name, t.number()).isTrue());
        }
        Set<Object> dropouts = new HashSet<>();
        study.trials().forEach(t -> dropouts.add(t.params().get("dropout")));
        assertThat(dropouts).hasSize(6);
    }

    @Test
    void drawsParametersOutsideTheRelativeSpaceIndependentlyWithinTheirRange() {
        Objective conditional = t -> {
            double x = t.suggestFloat("x", 0, 1);
            return t.number() % 2 == 0 ? x : x + t.suggestInt("extra", 1, 3);
        };
        Study study = run("qmc-conditional", 6, Map.of(), conditional, 30, 1);

        assertThat(study.trials().stream().filter(t -> t.params().containsKey("extra")))
                .hasSize(15)
                .allSatisfy(t -> assertThat((Integer) t.params().get("extra")).isBetween(1, 3));
        assertThat(new QmcSampler(RandomStreams.seeded(6)).relativeSearchSpace(study, study.trials().get(5)))
                .containsOnlyKeys("x");
    }

    @Test
    void leavesSingleValuedParametersOutOfTheSpace() {
        Map<String, Distribution> space = new LinkedHashMap<>();
        space.put("fixed", IntDistribution.uniform(3, 3));
        space.put("b", FloatDistribution.uniform(0, 1));
        space.put("a", FloatDistribution.uniform(0, 1));
        QmcSampler sampler = new QmcSampler(RandomStreams.seeded(0), true, space);

        assertThat(sampler.relativeSearchSpace(Histories.view("q", Direction.MINIMIZE, List.of()),
                Histories.running(0)).keySet()).containsExactly("a", "b");
        assertThat(sampler.describe()).containsEntry("type", "qmc").containsEntry("scramble", true);
    }
}
