package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class GpSamplerTest {

    @Test
    void aFloatRangeAsWideAsTheDoublesIsSearchedWithoutOverflowingIntoNaN() {
        Study study = Study.builder("widest").seed(4).sampler(new GpSampler(RandomStreams.seeded(4))).create();

        study.optimize(t -> Math.abs(t.suggestFloat("big", -Double.MAX_VALUE, Double.MAX_VALUE)) / Double.MAX_VALUE,
                OptimizeOptions.trials(16).withParallelism(1));

        assertThat(study.trials()).hasSize(16).allSatisfy(t -> {
            assertThat(t.state()).as("trial %d: %s", t.number(), t.message()).isEqualTo(TrialState.COMPLETE);
            assertThat((Double) t.params().get("big")).isFinite();
        });
        assertThat(study.trials()).extracting(t -> t.systemAttrs().get("sampler")).contains("gp");
    }

    @Test
    void constrainedGpSearchesAlongTheConstraintBoundaryAndFindsAFeasiblePointOnIt() {
        Study study = Study.builder("constrained").seed(2).sampler(new GpSampler(RandomStreams.seeded(2))).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            t.setConstraints(x + y - 1);
            return -(x + y);
        }, OptimizeOptions.trials(30).withParallelism(1));
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        List<FrozenTrial> late = complete.subList(15, 30);
        long nearBoundary = late.stream().filter(t -> Math.abs(t.internalParam("x") + t.internalParam("y") - 1) < 0.05).count();
        assertThat(nearBoundary).isGreaterThanOrEqualTo(10);
        double bestFeasible = complete.stream().filter(t -> t.internalParam("x") + t.internalParam("y") <= 1)
                .mapToDouble(t -> t.internalParam("x") + t.internalParam("y")).max().orElseThrow();
        assertThat(bestFeasible).isGreaterThan(0.97);
    }

    @Test
    void fourParallelWorkersOnBraninNeverProposeTwoPointsCloserThanATwentiethOfTheBoxWhileFourArePending() {
        Study study = Study.builder("branin-parallel").seed(3).sampler(new GpSampler(RandomStreams.seeded(3))).create();
        double closest = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 8; round++) {
            List<Trial> batch = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Trial t = study.ask();
                points.add(new double[] {(t.suggestFloat("x", -5, 10) + 5) / 15, t.suggestFloat("y", 0, 15) / 15});
                batch.add(t);
            }
            if (round >= 3) { // past the 10 random startup trials
                for (int a = 0; a < 4; a++) {
                    for (int b = 0; b < a; b++) {
                        closest = Math.min(closest, Math.hypot(points.get(a)[0] - points.get(b)[0],
                                points.get(a)[1] - points.get(b)[1]));
                    }
                }
            }
            for (int w = 0; w < 4; w++) {
                double[] p = points.get(w);
                study.tell(batch.get(w), branin(15 * p[0] - 5, 15 * p[1]));
            }
        }
        assertThat(closest).isGreaterThan(0.05);
    }

    private static double branin(double x, double y) {
        double u = y - 5.1 / (4 * Math.PI * Math.PI) * x * x + 5 / Math.PI * x - 6;
        return u * u + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
    }

    @Test
    void aCategoricalIsOneDistanceWhicheverTwoCategoriesDifferAndItsLengthScaleIsOneOfTheParameters() {
        Map<String, io.tunelab.search.space.Distribution> space = new java.util.LinkedHashMap<>();
        space.put("x", new io.tunelab.search.space.FloatDistribution(0, 1, false, 0));
        space.put("c", new io.tunelab.search.space.CategoricalDistribution(List.<Object>of("a", "b", "c", "d")));
        KernelLayout layout = KernelLayout.of(new io.tunelab.search.space.SearchSpaceTransform(space));
        assertThat(layout.parameters()).isEqualTo(2);
        Matern52 kernel = new Matern52(new double[] {0.5, 2.0}, 1, layout);
        double[] a = {0.3, 1, 0, 0, 0};
        double[] b = {0.3, 0, 1, 0, 0};
        double[] d = {0.3, 0, 0, 0, 1};
        assertThat(kernel.squaredDistance(a, b)).isEqualTo(kernel.squaredDistance(a, d)).isEqualTo(1 / 4.0);
        assertThat(kernel.squaredDistance(a, a)).isZero();
    }

    @Test
    void fitSetPastTheCapKeepsTheBestHalfFeasibleFirstAndTheMostRecentRest() {
        List<FrozenTrial> trials = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, Object> attrs = i == 0 ? Map.of("constraints", List.of(1.0)) : Map.of();
            trials.add(new FrozenTrial(i, i, TrialState.COMPLETE, List.of((double) (10 - i) % 7), null, null, Map.of(),
                    Map.of(), new TreeMap<>(), attrs, Map.of(), null));
        }
        List<FrozenTrial> chosen = FitSet.choose(trials, Direction.MINIMIZE, 4);
        // losses: 3,2,1,0,6,5,4,3,2,1 (trial 0 infeasible); best two feasible: 3 (0.0), 2 (1.0) / 9 (1.0)
        assertThat(chosen).extracting(FrozenTrial::number).containsExactly(2, 3, 8, 9);
        assertThat(FitSet.choose(trials, Direction.MINIMIZE, 10)).hasSize(10);
    }
}
