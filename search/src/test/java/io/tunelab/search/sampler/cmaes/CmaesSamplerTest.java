package io.tunelab.search.sampler.cmaes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.study.Objective;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class CmaesSamplerTest {

    private static Study run(Sampler sampler, Objective objective, int trials) {
        Study study = Study.builder("cmaes").seed(1).sampler(sampler).create();
        study.optimize(objective, OptimizeOptions.trials(trials).withParallelism(1));
        return study;
    }

    private static double sphere(Trial t, int dims) {
        double s = 0;
        for (int i = 0; i < dims; i++) {
            double x = t.suggestFloat("x" + i, -5, 10);
            s += (x - 1) * (x - 1);
        }
        return s;
    }

    private static double rosenbrock(Trial t, int dims) {
        double[] x = new double[dims];
        for (int i = 0; i < dims; i++) {
            x[i] = t.suggestFloat("x" + i, -5, 10);
        }
        double s = 0;
        for (int i = 0; i + 1 < dims; i++) {
            s += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(x[i] - 1, 2);
        }
        return s;
    }

    @Test
    void convergesOnTheSphereToFarBelowWhatRandomSearchReaches() {
        for (int seed = 1; seed <= 3; seed++) {
            Study study = run(new CmaesSampler(seed), t -> sphere(t, 5), 600);
            assertThat(study.bestTrial().value()).as("seed " + seed).isLessThan(1e-6);
        }
    }

    @Test
    void followsRosenbrocksCurvedValleyToTheOptimum() {
        double[] best = IntStream.rangeClosed(1, 5)
                .mapToDouble(seed -> run(new CmaesSampler(seed), t -> rosenbrock(t, 4), 1500).bestTrial().value())
                .sorted().toArray();
        assertThat(best[2]).as("median best of 5 seeds").isLessThan(1e-2);
    }

    @Test
    void theSameSeedGivesTheSameTrialsAndAnotherSeedOthers() {
        List<Object> a = run(new CmaesSampler(7), t -> sphere(t, 3), 60).trials().stream()
                .map(FrozenTrial::params).map(Object.class::cast).toList();
        List<Object> b = run(new CmaesSampler(7), t -> sphere(t, 3), 60).trials().stream()
                .map(FrozenTrial::params).map(Object.class::cast).toList();
        List<Object> c = run(new CmaesSampler(8), t -> sphere(t, 3), 60).trials().stream()
                .map(FrozenTrial::params).map(Object.class::cast).toList();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void recordsItsNameAndGenerationOnEveryTrialItProposesAndRandomOnItsStartUpTrial() {
        Study study = run(new CmaesSampler(3), t -> sphere(t, 2), 20);
        assertThat(study.trials().get(0).systemAttrs()).containsEntry("sampler", "random")
                .containsEntry("startup_of", "cmaes").doesNotContainKey("cmaes");
        assertThat(study.trials().subList(1, 20)).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry("sampler", "cmaes").doesNotContainKey("startup_of"));
        assertThat(study.trials().get(19).systemAttrs().get("cmaes")).asString().contains("generation=");
    }

    @Test
    void aFlatObjectiveEndsTheRunAndRestartsWithTwiceThePopulation() {
        CmaesSampler sampler = new CmaesSampler(RandomStreams.seeded(4), CmaOptions.defaults());
        run(sampler, t -> Math.floor(t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1) * 0.5), 300);
        assertThat(sampler.restarts()).isGreaterThanOrEqualTo(1);
        assertThat(sampler.popsize()).isGreaterThanOrEqualTo(2 * CmaState.defaultPopsize(2));
    }

    @Test
    void withoutRestartsAFlatObjectiveKeepsTheFirstRun() {
        CmaesSampler sampler = new CmaesSampler(RandomStreams.seeded(4), CmaOptions.defaults().withRestarts(false));
        run(sampler, t -> Math.floor(t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1) * 0.5), 300);
        assertThat(sampler.restarts()).isZero();
        assertThat(sampler.popsize()).isEqualTo(CmaState.defaultPopsize(2));
    }

    /**
     * Four steep continuous coordinates make the step size collapse long before a shallow integer has
     * found its best value; without the margin the integer freezes wherever it is then.
     */
    private static double steepFloatsShallowInteger(Trial t) {
        double s = 0;
        for (int i = 0; i < 4; i++) {
            double x = t.suggestFloat("x" + i, 0, 1);
            s += 1000 * (x - 0.3) * (x - 0.3);
        }
        int k = t.suggestInt("k", 0, 20);
        return s + 0.01 * (k - 2) * (k - 2);
    }

    @Test
    void theMarginKeepsAnIntegerMovingAfterTheContinuousCoordinatesHaveConverged() {
        int withMargin = 0;
        int without = 0;
        for (int seed = 1; seed <= 5; seed++) {
            withMargin += integerAtBest(new CmaesSampler(RandomStreams.seeded(seed),
                    CmaOptions.defaults().withRestarts(false)));
            without += integerAtBest(new CmaesSampler(RandomStreams.seeded(seed),
                    CmaOptions.defaults().withRestarts(false).withMargin(false)));
        }
        assertThat(withMargin).as("seeds whose integer reached its optimum, with the margin").isGreaterThanOrEqualTo(4);
        assertThat(without).as("... and without it").isLessThan(withMargin);
    }

    private static int integerAtBest(CmaesSampler sampler) {
        Study study = run(sampler, CmaesSamplerTest::steepFloatsShallowInteger, 600);
        return ((Integer) study.bestTrial().params().get("k")) == 2 ? 1 : 0;
    }

    @Test
    void categoricalParametersAreDrawnIndependentlyAndStayValid() {
        Study study = run(new CmaesSampler(5), t -> {
            String c = t.suggestCategorical("c", List.of("a", "b", "c"));
            return sphere(t, 2) + (c.equals("b") ? 0 : 1);
        }, 60);
        assertThat(study.trials()).allSatisfy(t -> assertThat(t.params().get("c")).isIn("a", "b", "c"));
        assertThat(study.bestTrial().value()).isLessThan(1.5);
    }
}
