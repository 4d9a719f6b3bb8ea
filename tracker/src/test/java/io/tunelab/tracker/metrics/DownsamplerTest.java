package io.tunelab.tracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsamplerTest {

    private static double[] noisy(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.exp(-i / 3000.0) + 0.05 * random.nextGaussian();
        }
        return values;
    }

    private static int[] keep(double[] values, int maxPoints) {
        return Downsampler.minMax(i -> values[i], 0, values.length, maxPoints);
    }

    private static double[] kept(double[] values, int[] indices) {
        return Arrays.stream(indices).mapToDouble(i -> values[i]).toArray();
    }

    @Test
    void aLongSeriesShrinksToAtMostTheRequestedPointsInOrderKeepingItsEnds() {
        int[] out = keep(noisy(100_000, 1), 1_000);
        assertThat(out.length).isLessThanOrEqualTo(1_000).isGreaterThan(900);
        assertThat(out).isSorted().doesNotHaveDuplicates();
        assertThat(out[0]).isZero();
        assertThat(out[out.length - 1]).isEqualTo(99_999);
    }

    @Test
    void aSingleSpikeSurvivesDownsampling() {
        double[] values = noisy(50_000, 2);
        values[31_337] = 1e6;
        values[777] = -1e6;
        assertThat(kept(values, keep(values, 200))).contains(1e6, -1e6);
    }

    @Test
    void everyBucketOfEqualCountKeepsItsMinimumAndMaximum() {
        double[] values = noisy(9_998, 3);
        int[] out = keep(values, 100);
        for (int b = 0; b < 49; b++) {
            int start = 1 + b * 204;
            double[] bucket = Arrays.copyOfRange(values, start, start + 204);
            double[] inBucket = Arrays.stream(out).filter(i -> i >= start && i < start + 204).mapToDouble(i -> values[i]).toArray();
            assertThat(inBucket).containsExactlyInAnyOrder(Arrays.stream(bucket).min().orElseThrow(),
                    Arrays.stream(bucket).max().orElseThrow());
        }
    }

    @Test
    void aShortSeriesOrRangeComesBackWhole() {
        assertThat(Downsampler.minMax(i -> i, 0, 3, 10)).containsExactly(0, 1, 2);
        assertThat(Downsampler.minMax(i -> i, 5, 8, 3)).containsExactly(5, 6, 7);
        assertThat(Downsampler.minMax(i -> i, 4, 4, 2)).isEmpty();
    }

    @Test
    void aRangeIsReducedWithinItsBounds() {
        double[] values = noisy(1_000, 5);
        int[] out = Downsampler.minMax(i -> values[i], 100, 600, 20);
        assertThat(out.length).isLessThanOrEqualTo(20);
        assertThat(out[0]).isEqualTo(100);
        assertThat(out[out.length - 1]).isEqualTo(599);
        assertThat(Arrays.stream(out).allMatch(i -> i >= 100 && i < 600)).isTrue();
    }

    @Test
    void nanIsSkippedForExtremesButAnAllNanBucketKeepsOnePointAsAGap() {
        double[] values = new double[102];
        for (int i = 0; i < values.length; i++) {
            values[i] = i < 51 ? Double.NaN : i;
        }
        int[] out = keep(values, 6);
        assertThat(out).containsExactly(0, 1, 51, 100, 101);
    }

    @Test
    void fewerThanTwoPointsIsRejected() {
        assertThatThrownBy(() -> keep(noisy(10, 4), 1))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID))
                .hasMessageContaining("got 1");
    }
}
