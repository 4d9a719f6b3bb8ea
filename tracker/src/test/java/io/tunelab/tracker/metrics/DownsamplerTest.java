package io.tunelab.tracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DownsamplerTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static List<MetricPoint> noisy(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(new MetricPoint("loss", i, Math.exp(-i / 3000.0) + 0.05 * random.nextGaussian(), T0.plusMillis(i)));
        }
        return points;
    }

    @Test
    void aLongSeriesShrinksToAtMostTheRequestedPointsInStepOrder() {
        List<MetricPoint> out = Downsampler.minMax(noisy(100_000, 1), 1_000);
        assertThat(out).hasSizeLessThanOrEqualTo(1_000).hasSizeGreaterThan(900);
        assertThat(out).isSortedAccordingTo(Comparator.comparingLong(MetricPoint::step));
    }

    @Test
    void aSingleSpikeSurvivesDownsampling() {
        List<MetricPoint> points = noisy(50_000, 2);
        points.set(31_337, new MetricPoint("loss", 31_337, 1e6, T0));
        points.set(777, new MetricPoint("loss", 777, -1e6, T0));
        List<MetricPoint> out = Downsampler.minMax(points, 200);
        assertThat(out).extracting(MetricPoint::value).contains(1e6, -1e6);
    }

    @Test
    void everyBucketKeepsItsMinimumAndMaximum() {
        List<MetricPoint> points = noisy(10_000, 3);
        List<MetricPoint> out = Downsampler.minMax(points, 100);
        for (int b = 0; b < 50; b++) {
            long lo = b * 200L;
            List<Double> bucket = points.stream().filter(p -> p.step() >= lo && p.step() < lo + 200)
                    .map(MetricPoint::value).toList();
            List<Double> kept = out.stream().filter(p -> p.step() >= lo && p.step() < lo + 200)
                    .map(MetricPoint::value).toList();
            assertThat(kept).contains(bucket.stream().min(Double::compare).orElseThrow(),
                    bucket.stream().max(Double::compare).orElseThrow());
        }
    }

    @Test
    void aShortSeriesComesBackWholeSortedByStep() {
        List<MetricPoint> points = List.of(new MetricPoint("a", 2, 1, T0), new MetricPoint("a", 0, 2, T0),
                new MetricPoint("a", 1, 3, T0));
        assertThat(Downsampler.minMax(points, 10)).extracting(MetricPoint::step).containsExactly(0L, 1L, 2L);
    }

    @Test
    void nanIsKeptOnlyWhereABucketHasNothingElse() {
        List<MetricPoint> points = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            points.add(new MetricPoint("a", i, i < 50 ? Double.NaN : i, T0));
        }
        List<MetricPoint> out = Downsampler.minMax(points, 4);
        assertThat(out).hasSize(3);
        assertThat(out.get(0).value()).isNaN();
        assertThat(out.subList(1, 3)).extracting(MetricPoint::value).containsExactly(50.0, 99.0);
    }

    @Test
    void fewerThanTwoPointsIsRejected() {
        assertThatThrownBy(() -> Downsampler.minMax(noisy(10, 4), 1))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID))
                .hasMessageContaining("got 1");
    }
}
