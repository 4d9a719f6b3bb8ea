package io.tunelab.search.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HistogramTest {
    @Test
    void summaryStatisticsAreThoseOfTheValues() {
        Histogram h = Histogram.of(new double[] {1, 2, 3, -4, Double.NaN});
        assertThat(h.num()).isEqualTo(4);
        assertThat(h.min()).isEqualTo(-4);
        assertThat(h.max()).isEqualTo(3);
        assertThat(h.sum()).isEqualTo(2);
        assertThat(h.sumSquares()).isEqualTo(30);
    }

    @Test
    void everyValueLandsInTheBucketWhoseEdgesHoldIt() {
        double[] values = new SplittableRandom(7).doubles(1000, -50, 50).toArray();
        Histogram h = Histogram.of(values);
        double[] limits = h.limits();
        double[] counts = h.counts();
        assertThat(Arrays.stream(counts).sum()).isEqualTo(1000);
        for (int i = 0; i < limits.length; i++) {
            double left = i == 0 ? Double.NEGATIVE_INFINITY : limits[i - 1];
            double right = limits[i];
            long inside = Arrays.stream(values).filter(v -> v >= left && v < right).count();
            assertThat(counts[i]).as("bucket %d [%s, %s)", i, left, right).isEqualTo(inside);
        }
    }

    @Test
    void runsOfEmptyBucketsAreMergedSoAFewValuesGiveFewBuckets() {
        Histogram h = Histogram.of(new double[] {0.5, 0.5, 10});
        // empty run, [0.5's bucket], empty run, [10's bucket], empty run to +MAX.
        assertThat(h.size()).isEqualTo(5);
        assertThat(h.counts()).containsExactly(0, 2, 0, 1, 0);
        assertThat(h.limits()[4]).isEqualTo(Double.MAX_VALUE);
        assertThat(h.limits()[1]).isCloseTo(0.5, within(0.05));
    }

    @Test
    void theDefaultBucketsGrowByTenPercentAsTensorBoardsDo() {
        Histogram h = Histogram.of(new double[] {1e-12});
        // The value equals the first positive limit, so it falls in the bucket to its right: [1e-12, 1.1e-12).
        assertThat(h.limits()[1]).isCloseTo(1.1e-12, within(1e-20));
    }

    @Test
    void aPreBucketedHistogramKeepsItsBucketsAndEstimatesItsSumsFromTheCentres() {
        Histogram h = Histogram.ofBuckets(new double[] {0, 1, 3}, new double[] {2, 4});
        assertThat(h.min()).isZero();
        assertThat(h.max()).isEqualTo(3);
        assertThat(h.limits()).containsExactly(1, 3);
        assertThat(h.counts()).containsExactly(2, 4);
        assertThat(h.num()).isEqualTo(6);
        assertThat(h.sum()).isEqualTo(2 * 0.5 + 4 * 2.0);
    }

    @Test
    void bucketsThatDoNotFitTheirEdgesAreRejectedWithTheCounts() {
        assertThatThrownBy(() -> Histogram.ofBuckets(new double[] {0, 1}, new double[] {2, 4}))
                .isInstanceOf(InvalidSummaryException.class).hasMessageContaining("2 edges for 2 buckets");
        assertThatThrownBy(() -> Histogram.ofBuckets(new double[] {0, 2, 1}, new double[] {2, 4}))
                .isInstanceOf(InvalidSummaryException.class).hasMessageContaining("expected non-decreasing limits");
    }
}
