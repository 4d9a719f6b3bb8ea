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

    private static TrustRegion boxOf(List<FrozenTrial> trials) {
        double[][] x = trials.stream().map(t -> new double[] {t.internalParam("x"), t.internalParam("y")})
                .toArray(double[][]::new);
        double[] loss = trials.stream().mapToDouble(FrozenTrial::value).toArray();
        boolean[] feasible = new boolean[trials.size()];
        java.util.Arrays.fill(feasible, true);
        return TrustRegion.around(x, loss, feasible, new boolean[] {true, true});
    }
}
