package io.tunelab.search.sampler.nsga2;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
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
            return zdt1(x);
        }, OptimizeOptions.trials(trials).withParallelism(1));
        return study;
    }

    /** ZDT1 (Zitzler, Deb and Thiele 2000): f1 = x0, f2 = g (1 - sqrt(f1 / g)), g = 1 + 9 mean(x1..). */
    private static double[] zdt1(double[] x) {
        double sum = 0;
        for (int i = 1; i < x.length; i++) {
            sum += x[i];
        }
        double g = 1 + 9 * sum / (x.length - 1);
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    }

    @Test
    void theRandomFirstGenerationRecordsRandomAsItsSamplerAndLaterGenerationsNsga2() {
        Nsga2Options small = Nsga2Options.defaults().withPopulationSize(10);
        List<FrozenTrial> trials = zdt1(new Nsga2Sampler(RandomStreams.seeded(4), small), 20, 3).trials();
        assertThat(trials.subList(0, 10)).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry(Sampler.SAMPLER_ATTR, "random").containsEntry(Sampler.STARTUP_OF_ATTR, "nsga2"));
        assertThat(trials.subList(10, 20)).allSatisfy(t -> assertThat(t.systemAttrs())
                .containsEntry(Sampler.SAMPLER_ATTR, "nsga2").doesNotContainKey(Sampler.STARTUP_OF_ATTR));
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
