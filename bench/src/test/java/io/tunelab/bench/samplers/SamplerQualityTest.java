package io.tunelab.bench.samplers;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomSampler;
import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.sampler.Sampler;
import io.tunelab.search.sampler.nsga2.Nsga2Options;
import io.tunelab.search.sampler.nsga2.Nsga2Sampler;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Hypervolume;
import io.tunelab.search.trial.ParetoFront;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The samplers' quality on the benchmark problems, as seeded tests that fail when a sampler gets worse. */
class SamplerQualityTest {
    private static final List<Direction> BOTH_MIN = List.of(Direction.MINIMIZE, Direction.MINIMIZE);

    @ParameterizedTest
    @ValueSource(strings = {"branin", "hpo_mixed"})
    void tpeBeatsRandomSearchsMedianRegretAfterFiftyTrialsOverFiveSeeds(String problem) {
        double tpe = SamplerComparison.medianRegret(problem, "tpe", 5, 50);
        double random = SamplerComparison.medianRegret(problem, "random", 5, 50);
        assertThat(tpe).isLessThan(random);
    }

    @Test
    void optunasTpeAlsoBeatsRandomSearchOnTheMixedSpace() {
        assertThat(SamplerComparison.medianRegret("hpo_mixed", "tpe-optuna", 5, 50))
                .isLessThan(SamplerComparison.medianRegret("hpo_mixed", "random", 5, 50));
    }

    /** How many of the runs on seeds {@code from..from+runs-1} end above the second-best optimiser's floor. */
    private static long runsStuckOnAWorseOptimiser(String sampler, int from, int runs) {
        BenchProblem problem = BenchProblems.byName("hpo_mixed");
        return IntStream.range(from, from + runs)
                .mapToObj(seed -> SamplerBenchmark.runOne(problem, sampler, seed, 100))
                .filter(rows -> rows.get(rows.size() - 1).regret() > 0.015)
                .count();
    }

    @Test
    void onTheMixedSurrogateFewerTpeRunsStayWithAWorseOptimiserThanWithOptunasTpe() {
        assertThat(runsStuckOnAWorseOptimiser("tpe", 101, 60))
                .isLessThan(runsStuckOnAWorseOptimiser("tpe-optuna", 101, 60) * 3 / 4);
    }

    @ParameterizedTest
    @ValueSource(strings = {"branin", "hpo_mixed"})
    void gpBeatsRandomSearchsMedianRegretAfterFiftyTrialsOverFiveSeeds(String problem) {
        double gp = SamplerComparison.medianRegret(problem, "gp", 5, 50);
        double random = SamplerComparison.medianRegret(problem, "random", 5, 50);
        assertThat(gp).isLessThan(random);
    }

    private static List<FrozenTrial> zdt1Front(Sampler sampler) {
        Study study = Study.builder("zdt1").directions(Direction.MINIMIZE, Direction.MINIMIZE).seed(1)
                .sampler(sampler).create();
        study.optimizeMulti(t -> {
            double[] x = new double[10];
            for (int i = 0; i < x.length; i++) {
                x[i] = t.suggestFloat("x" + i, 0, 1);
            }
            return TestFunctions.zdt(x, false);
        }, OptimizeOptions.trials(600).withParallelism(1));
        return study.bestTrials();
    }

    private static double hypervolume(List<FrozenTrial> front) {
        return Hypervolume.of(front.stream().map(t -> new double[] {t.values().get(0), t.values().get(1)}).toList(),
                new double[] {11, 11});
    }

    @Test
    void nsga2FrontOnZdt1DominatesRandomSearchsFront() {
        List<FrozenTrial> nsga = zdt1Front(new Nsga2Sampler(RandomStreams.seeded(1),
                Nsga2Options.defaults().withPopulationSize(20)));
        List<FrozenTrial> random = zdt1Front(new RandomSampler(1));
        assertThat(hypervolume(nsga)).isGreaterThan(hypervolume(random));
        for (FrozenTrial r : random) {
            assertThat(nsga).as("some NSGA-II point dominates random's %s", r.values())
                    .anyMatch(n -> ParetoFront.dominates(n.values(), r.values(), BOTH_MIN));
        }
    }
}
