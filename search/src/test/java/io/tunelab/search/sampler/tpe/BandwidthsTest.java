package io.tunelab.search.sampler.tpe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BandwidthsTest {

    @Test
    void ascendingOrderIsStableAndSorted() {
        double[] v = {0.5, 0.1, 0.5, 0.0, 0.1, 0.9, 0.5};
        assertThat(Bandwidths.ascending(v)).containsExactly(3, 1, 4, 0, 2, 6, 5);
    }

    @Test
    void eachBandwidthIsTheLargerGapToItsNeighboursWithThePriorCentreAmongThem() {
        TpeOptions noClip = TpeOptions.defaults().withMagicClip(false);
        double[] sigma = Bandwidths.of(new double[] {0.9, 0.1, 0.3}, null, 1, noClip);
        // sorted: 0.1, 0.3, 0.5 (prior), 0.9; outermost ones measured inwards
        assertThat(sigma[1]).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(sigma[2]).isCloseTo(0.2, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(sigma[0]).isCloseTo(0.4, org.assertj.core.api.Assertions.within(1e-12));
    }

    /** The textbook form: sort observations and the prior centre together (stable), take the larger gap. */
    private static double[] reference(double[] values) {
        int n = values.length;
        double[] all = java.util.Arrays.copyOf(values, n + 1);
        all[n] = 0.5;
        Integer[] order = new Integer[n + 1];
        for (int i = 0; i <= n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(all[a], all[b]));
        double[] s = new double[n + 3];
        for (int i = 0; i <= n; i++) {
            s[i + 1] = all[order[i]];
        }
        s[n + 2] = 1;
        double[] sigma = new double[n];
        for (int i = 0; i <= n; i++) {
            double gap = Math.max(s[i + 1] - s[i], s[i + 2] - s[i + 1]);
            if (i == 0) {
                gap = s[2] - s[1];
            } else if (i == n) {
                gap = s[n + 1] - s[n];
            }
            if (order[i] < n) {
                sigma[order[i]] = Math.min(1, Math.max(1.0 / Math.min(100, n + 2), gap));
            }
        }
        return sigma;
    }

    @Test
    void tiedObservationsGetTheBandwidthsOfTheTextbookStableSort() {
        SplittableRandom random = new SplittableRandom(4);
        double[] v = new double[30];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round(random.nextDouble() * 10) / 10.0;
        }
        TpeOptions options = TpeOptions.defaults();
        assertThat(Bandwidths.of(v, null, 1, options)).containsExactly(reference(v));
        assertThat(Bandwidths.of(v, Bandwidths.ascending(v), 1, options)).containsExactly(reference(v));
    }

    @Test
    void multivariateBandwidthsFollowTheNeighbourRuleUnlessTheScottRuleIsAskedFor() {
        double[] v = {0.9, 0.1, 0.3, 0.35};
        TpeOptions univariate = TpeOptions.optuna();
        TpeOptions neighbours = TpeOptions.defaults();
        TpeOptions scott = TpeOptions.defaults().withRefinements(true, false, true);
        assertThat(Bandwidths.of(v, null, 4, neighbours)).containsExactly(Bandwidths.of(v, null, 1, univariate));
        assertThat(Bandwidths.of(v, null, 4, scott)).containsOnly(0.2 * Math.pow(4, -1.0 / 8));
    }
}
