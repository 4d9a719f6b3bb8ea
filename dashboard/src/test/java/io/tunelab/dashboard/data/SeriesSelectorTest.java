package io.tunelab.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.dashboard.DashboardException;
import io.tunelab.search.trial.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeriesSelectorTest {

    private static List<MetricPoint> series(double... values) {
        List<MetricPoint> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new MetricPoint("m", i * 10L, values[i], Instant.ofEpochMilli(i)));
        }
        return out;
    }

    @Test
    void aShortSeriesIsReturnedWhole() {
        MetricSeries s = SeriesSelector.select(1, "m", series(3, 1, 2), SeriesQuery.downsampled(10));
        assertThat(s.downsampled()).isFalse();
        assertThat(s.values()).containsExactly(3, 1, 2);
        assertThat(s.steps()).containsExactly(0, 10, 20);
    }

    @Test
    void everyBucketKeepsItsMinimumAndMaximumSoTheGlobalExtremesSurvive() {
        SplittableRandom random = new SplittableRandom(42);
        double[] values = new double[100_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        values[77_777] = 50;
        values[12_345] = -50;
        MetricSeries s = SeriesSelector.select(1, "m", series(values), SeriesQuery.downsampled(500));
        assertThat(s.size()).isLessThanOrEqualTo(500);
        assertThat(s.total()).isEqualTo(100_000);
        assertThat(s.values()).contains(50.0, -50.0);
        assertThat(s.steps()).isSorted();
        assertThat(s.steps()[0]).isZero();
        assertThat(s.steps()[s.size() - 1]).isEqualTo(999_990);
    }

    @Test
    void nanIsSkippedForExtremesButAnAllNanBucketLeavesAGap() {
        double[] values = new double[1000];
        for (int i = 0; i < values.length; i++) {
            values[i] = i >= 400 && i < 600 ? Double.NaN : i;
        }
        MetricSeries s = SeriesSelector.select(1, "m", series(values), SeriesQuery.downsampled(20));
        assertThat(s.values()).contains(Double.NaN);
        assertThat(s.values()).contains(0.0, 999.0);
    }

    @Test
    void rangeAndAfterSelectStepsInclusiveAndExclusive() {
        List<MetricPoint> points = series(0, 1, 2, 3, 4, 5);
        assertThat(SeriesSelector.select(1, "m", points, new SeriesQuery(10, 30, Long.MIN_VALUE, 0)).values())
                .containsExactly(1, 2, 3);
        assertThat(SeriesSelector.select(1, "m", points, new SeriesQuery(Long.MIN_VALUE, Long.MAX_VALUE, 30, 0)).values())
                .containsExactly(4, 5);
        assertThat(SeriesSelector.select(1, "m", points, new SeriesQuery(100, 200, Long.MIN_VALUE, 0)).size()).isZero();
    }

    @Test
    void aQueryRejectsOnePointOrAnInvertedRange() {
        assertThatThrownBy(() -> SeriesQuery.downsampled(1)).isInstanceOf(DashboardException.class).hasMessageContaining("maxPoints");
        assertThatThrownBy(() -> new SeriesQuery(5, 4, Long.MIN_VALUE, 0)).hasMessageContaining("from step 5 is after to step 4");
    }
}
