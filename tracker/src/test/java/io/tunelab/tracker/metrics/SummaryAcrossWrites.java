package io.tunelab.tracker.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import java.time.Instant;
import java.util.List;

/**
 * A scenario run on every database: a series' summary is merged in the database write after write
 * (flushing between points), so the latest step, count and finite min and max must come out as if
 * computed over all points at once, whatever the order of steps and whatever NaN or infinity arrive.
 */
public final class SummaryAcrossWrites {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private SummaryAcrossWrites() {
    }

    /** Logs the scenario's points one write at a time and checks the summary the queries give back. */
    public static void check(TrialStorage storage, MetricQueries metrics) {
        long study = storage.createStudy("summary-across-writes", List.of(Direction.MINIMIZE)).id();
        long trial = storage.createRunningTrial(study).id();
        double[][] stepValue = {{3, Double.NaN}, {1, 2.0}, {7, 0.5}, {2, Double.POSITIVE_INFINITY}, {7, -0.25},
            {4, -1.0}, {6, 9.0}};
        for (double[] sv : stepValue) {
            long step = (long) sv[0];
            storage.logMetrics(trial, List.of(new MetricPoint("loss", step, sv[1], T0.plusSeconds(step))));
            storage.flush();
            assertThat(metrics.summaries(trial)).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("loss"));
        }
        SeriesSummary loss = metrics.summaries(trial).get(0);
        assertThat(loss.count()).isEqualTo(7);
        assertThat(loss.lastStep()).as("highest step, the later of two points at it").isEqualTo(7);
        assertThat(loss.lastValue()).isEqualTo(-0.25);
        assertThat(loss.lastWall()).isEqualTo(T0.plusSeconds(7));
        assertThat(loss.min()).isEqualTo(-1.0);
        assertThat(loss.max()).isEqualTo(9.0);

        long nanOnly = storage.createRunningTrial(study).id();
        storage.logMetrics(nanOnly, List.of(new MetricPoint("lr", 0, Double.NaN, T0)));
        storage.flush();
        storage.logMetrics(nanOnly, List.of(new MetricPoint("lr", 1, Double.NEGATIVE_INFINITY, T0)));
        storage.flush();
        SeriesSummary lr = metrics.summaries(nanOnly).get(0);
        assertThat(lr.min()).isNull();
        assertThat(lr.max()).isNull();
        assertThat(lr.lastValue()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(metrics.series(nanOnly, "lr")).extracting(MetricPoint::step).containsExactly(0L, 1L);
    }
}
