package io.tunelab.search.sampler.gp;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.sampler.RandomStreams;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpTrustRegionTest {

    @Test
    void theBoxIsCentredOnTheBestObservationAndJustHoldsTheBestDPlusOne() {
        double[][] x = {{0.5, 0.5}, {0.6, 0.45}, {0.4, 0.7}, {0.0, 1.0}, {1.0, 0.0}};
        double[] loss = {0, 1, 2, 3, 4};
        boolean[] all = {true, true, true, true, true};
        TrustRegion box = TrustRegion.around(x, loss, all, new boolean[] {true, true});
        // best three (d + 1 = 3): half-widths max(|0.6 - 0.5|, |0.4 - 0.5|) = 0.1 and max(0.05, 0.2) = 0.2
        assertThat(box.lower()).containsExactly(new double[] {0.4, 0.3}, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(box.upper()).containsExactly(new double[] {0.6, 0.7}, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void infeasibleObservationsNeitherCentreNorSizeTheBoxAndWithoutFeasibleOnesItIsTheWholeCube() {
        double[][] x = {{0.9, 0.9}, {0.5, 0.5}, {0.5, 0.5}, {0.5, 0.5}};
        double[] loss = {-10, 0, 0, 0};
        TrustRegion box = TrustRegion.around(x, loss, new boolean[] {false, true, true, true}, new boolean[] {true, true});
        assertThat(box.lower()).containsExactly(0.49, 0.49);
        assertThat(box.upper()).containsExactly(0.51, 0.51);
        TrustRegion none = TrustRegion.around(x, loss, new boolean[4], new boolean[] {true, true});
        assertThat(none.lower()).containsExactly(0.0, 0.0);
        assertThat(none.upper()).containsExactly(1.0, 1.0);
    }

    @Test
    void aLocalGpStepProposesOnlyInsideTheBoxAroundTheBestTrialsSoFar() {
        GpOptions local = GpOptions.defaults().withTrustRegion(true);
        Study study = Study.builder("local").seed(4).sampler(new GpSampler(RandomStreams.seeded(4), local)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return Math.cos(9 * x) + Math.sin(7 * y) + x * y;
        }, OptimizeOptions.trials(30).withParallelism(1));
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        int narrower = 0;
        for (int k = 10; k < 30; k++) {
            TrustRegion box = boxOf(complete.subList(0, k));
            FrozenTrial t = complete.get(k);
            assertThat(t.systemAttrs()).containsEntry("sampler", "gp-local");
            assertThat(t.internalParam("x")).as("trial %d", k).isBetween(box.lower()[0] - 1e-9, box.upper()[0] + 1e-9);
            assertThat(t.internalParam("y")).as("trial %d", k).isBetween(box.lower()[1] - 1e-9, box.upper()[1] + 1e-9);
            narrower += box.upper()[0] - box.lower()[0] < 0.5 && box.upper()[1] - box.lower()[1] < 0.5 ? 1 : 0;
        }
        assertThat(narrower).as("steps confined to a box narrower than half the cube").isGreaterThanOrEqualTo(10);
    }

    @Test
    void turboBoxSidesAreTheLengthTimesEachLengthScaleOverTheirGeometricMeanClippedToTheCube() {
        // length scales 0.1 and 0.4: geometric mean 0.2, weights 0.5 and 2; length 0.4 gives sides 0.2 and 0.8
        TrustRegion box = TrustRegion.adaptive(new double[] {0.5, 0.3, 1}, 0.4, new double[] {0.1, 0.4},
                new int[] {0, 1, 1}, new boolean[] {true, true, false});
        assertThat(box.lower()).containsExactly(new double[] {0.4, 0, 0}, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(box.upper()).containsExactly(new double[] {0.6, 0.7, 1}, org.assertj.core.data.Offset.offset(1e-12));
        TrustRegion tiny = TrustRegion.adaptive(new double[] {0.5}, 1e-6, new double[] {1}, new int[] {0},
                new boolean[] {true});
        assertThat(tiny.lower()[0]).isEqualTo(0.5 - TrustRegion.MIN_HALF_WIDTH);
    }

    @Test
    void afterEveryFourFailuresInOneDimensionTheGpProposesWithinHalfTheShrunkenSideOfTheBestTrial() {
        List<FrozenTrial> complete = failingAfterTheStartUp(GpOptions.defaults(), 40);
        double best = bestOfTheStartUp(complete);
        for (int k = 10; k < 40; k++) {
            int failures = k - 10;
            double length = failures < 28 ? 0.8 / Math.pow(2, failures / 4) : 0.8; // 2^-7 of the cube: starts over
            double half = Math.max(TrustRegion.MIN_HALF_WIDTH, length / 2);
            assertThat(complete.get(k).internalParam("x")).as("trial %d", k)
                    .isBetween(best - half - 1e-9, best + half + 1e-9);
            assertThat(complete.get(k).systemAttrs()).containsEntry("sampler", "gp");
        }
    }

    @Test
    void withoutTheAdaptiveRegionTheSameGpLeavesThatBox() {
        List<FrozenTrial> complete = failingAfterTheStartUp(GpOptions.defaults().withAdaptiveRegion(false), 30);
        double best = bestOfTheStartUp(complete);
        long outside = complete.subList(22, 30).stream().filter(t -> Math.abs(t.internalParam("x") - best) > 0.1).count();
        assertThat(outside).as("proposals of trials 22-29 farther than 0.1 from the best").isPositive();
    }

    /** A 1-D study, seed 6: a bowl at 0.3 for the ten start-up trials, then 10 whatever is proposed (all failures). */
    private static List<FrozenTrial> failingAfterTheStartUp(GpOptions options, int trials) {
        Study study = Study.builder("turbo").seed(6).sampler(new GpSampler(RandomStreams.seeded(6), options)).create();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return t.number() < 10 ? (x - 0.3) * (x - 0.3) : 10;
        }, OptimizeOptions.trials(trials).withParallelism(1));
        return study.trials(EnumSet.of(TrialState.COMPLETE));
    }

    private static double bestOfTheStartUp(List<FrozenTrial> complete) {
        return complete.subList(0, 10).stream().min(java.util.Comparator.comparingDouble(FrozenTrial::value))
                .orElseThrow().internalParam("x");
    }

    private static TrustRegion boxOf(List<FrozenTrial> trials) {
        double[][] x = trials.stream().map(t -> new double[] {t.internalParam("x"), t.internalParam("y")})
                .toArray(double[][]::new);
        double[] loss = trials.stream().mapToDouble(FrozenTrial::value).toArray();
        boolean[] feasible = new boolean[trials.size()];
        java.util.Arrays.fill(feasible, true);
        return TrustRegion.around(x, loss, feasible, new boolean[] {true, true});
    }
}
