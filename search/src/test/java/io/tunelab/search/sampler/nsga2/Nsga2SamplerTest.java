package io.tunelab.search.sampler.nsga2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.bench.Hypervolume;
import io.tunelab.search.bench.TestFunctions;
import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.ParetoFront;
import java.util.List;
import org.junit.jupiter.api.Test;

class Nsga2SamplerTest {
    private static final List<Direction> BOTH_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

    private static Study zdt1(Sampler sampler, int trials, int variables) {
        Study study = Study.builder("zdt1").directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(1)
                .sampler(sampler).create();
        study.optimizeMulti(t -> {
            double[] x = new double[variables];
            for (int i = 0; i < variables; i++) {
                x[i] = t.suggestFloat("x" + i, 0, 1);
            }
            return TestFunctions.zdt(x, false);
        }, OptimizeOptions.trials(trials).withParallelism(1));
        return study;
    }

    private static double hypervolume(List<FrozenTrial> front) {
        return Hypervolume.of2d(front.stream().map(t -> new double[] {t.values().get(0), t.values().get(1)}).toList(),
                new double[] {11, 11});
    }

    @Test
    void nsga2FrontOnZdt1DominatesRandomSearchsFront() {
        List<FrozenTrial> nsga = zdt1(new Nsga2Sampler(RandomStreams.seeded(1), Nsga2Options.defaults().withPopulationSize(20)),
                600, 10).bestTrials();
        List<FrozenTrial> random = zdt1(new RandomSampler(1), 600, 10).bestTrials();
        assertThat(hypervolume(nsga)).isGreaterThan(hypervolume(random));
        for (FrozenTrial r : random) {
            assertThat(nsga).as("some NSGA-II point dominates random's %s", r.values())
                    .anyMatch(n -> ParetoFront.dominates(n.values(), r.values(), BOTH_MIN));
        }
    }

    @Test
    void sameSeedGivesTheSameTrials() {
        Nsga2Options small = Nsga2Options.defaults().withPopulationSize(10);
        List<Object> a = zdt1(new Nsga2Sampler(RandomStreams.seeded(4), small), 40, 5).trials().stream()
                .map(FrozenTrial::params).map(Object::toString).map(Object.class::cast).toList();
        List<Object> b = zdt1(new Nsga2Sampler(RandomStreams.seeded(4), small), 40, 5).trials().stream()
                .map(FrozenTrial::params).map(Object::toString).map(Object.class::cast).toList();
        assertThat(a).isEqualTo(b);
    }

    @Test
    void constrainedDominanceKeepsInfeasibleTrialsOutOfTheFirstFront() {
        List<FrozenTrial> trials = new java.util.ArrayList<>();
        double[][] values = {{0.1, 0.1}, {0.5, 0.5}, {0.9, 0.2}};
        for (int i = 0; i < 3; i++) {
            java.util.Map<String, Object> attrs = i == 0 ? java.util.Map.of("constraints", List.of(2.0))
                    : java.util.Map.of("constraints", List.of(-1.0));
            trials.add(new FrozenTrial(i, i, io.tunelab.search.trial.TrialState.COMPLETE,
                    List.of(values[i][0], values[i][1]), null, null, java.util.Map.of(), java.util.Map.of(),
                    new java.util.TreeMap<>(), attrs, java.util.Map.of(), null));
        }
        List<EliteSelection.Member> selected = EliteSelection.select(trials, BOTH_MIN, 3);
        assertThat(selected).filteredOn(m -> m.rank() == 0).extracting(m -> m.trial().number())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(selected).filteredOn(m -> m.trial().number() == 0).extracting(EliteSelection.Member::rank)
                .containsExactly(1);
    }
}
