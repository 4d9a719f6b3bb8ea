package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.summary.Histogram;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramShapesTest {
    @Test
    void binsCoverMinToMaxAndKeepEveryValue() {
        double[] values = new SplittableRandom(3).doubles(5000, -2, 6).toArray();
        Histogram h = Histogram.of(values);
        double[][] bins = HistogramShapes.bins(h, 30);
        assertThat(bins).hasNumberOfRows(30);
        assertThat(bins[0][0]).isEqualTo(h.min());
        assertThat(bins[29][1]).isEqualTo(h.max());
        assertThat(Arrays.stream(bins).mapToDouble(b -> b[2]).sum()).isCloseTo(5000, within(1e-6));
        // Within a stored bucket the values are taken as even: a bin can be off by at most the two buckets its edges cut.
        for (double[] bin : bins) {
            long inside = Arrays.stream(values).filter(v -> v >= bin[0] && v < bin[1]).count();
            double slack = bucketCount(h, bin[0]) + bucketCount(h, bin[1]);
            assertThat(bin[2]).as("bin [%s, %s)", bin[0], bin[1]).isCloseTo(inside, within(slack + 1e-6));
        }
    }

    private static double bucketCount(Histogram h, double v) {
        double[] limits = h.limits();
        for (int i = 0; i < limits.length; i++) {
            if (v < limits[i]) {
                return h.counts()[i];
            }
        }
        return 0;
    }

    @Test
    void oneDistinctValueIsOneBinAroundIt() {
        double[][] bins = HistogramShapes.bins(Histogram.of(new double[] {2, 2, 2}), 30);
        assertThat(bins).hasNumberOfRows(1);
        assertThat(bins[0]).containsExactly(1.5, 2.5, 3);
    }

    @Test
    void anEmptyHistogramHasNoBinsAndNoPercentiles() {
        Histogram empty = Histogram.of(new double[0]);
        assertThat(HistogramShapes.bins(empty, 30)).isEmpty();
        assertThat(HistogramShapes.percentiles(empty, HistogramShapes.BANDS)).isEmpty();
    }

    @Test
    void percentilesAreNearThoseOfTheValues() {
        double[] values = new SplittableRandom(5).doubles(20_000, 0, 10).toArray();
        double[] p = HistogramShapes.percentiles(Histogram.of(values), HistogramShapes.BANDS);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        assertThat(p[0]).isEqualTo(sorted[0]);
        assertThat(p[8]).isCloseTo(sorted[sorted.length - 1], within(1e-9));
        for (int i = 1; i < 8; i++) {
            double exact = sorted[(int) (HistogramShapes.BANDS[i] * (sorted.length - 1))];
            assertThat(p[i]).as("percentile %s", HistogramShapes.BANDS[i]).isCloseTo(exact, within(0.1));
        }
    }
}
