package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.StorageException;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.metrics.MetricPage;
import io.tunelab.tracker.metrics.MetricQueries;
import io.tunelab.tracker.metrics.SeriesColumns;
import io.tunelab.tracker.metrics.SeriesSummary;
import io.tunelab.tracker.metrics.SummaryAcrossWrites;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Metric points through the batched writer and the query side. */
class MetricStoreTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;
    Database db;
    JdbcTrialStorage storage;
    MetricQueries metrics;
    long trial;

    @BeforeEach
    void open() {
        connect();
        long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
        trial = storage.createRunningTrial(study).id();
    }

    private void connect() {
        db = Database.open(DatabaseSettings.embedded(tmp));
        storage = new JdbcTrialStorage(db, false, new LocalArtifactRepository(tmp.resolve("a")),
                StorageOptions.defaults().withoutHeartbeat());
        metrics = new JdbcMetricQueries(db);
    }

    @AfterEach
    void close() {
        storage.close();
        db.close();
    }

    private void log(String name, long step, double value) {
        storage.logMetrics(trial, List.of(new MetricPoint(name, step, value, T0.plusSeconds(step))));
    }

    @Test
    void columnsComeInStepOrderAndMatchThePointReadsOfARange() {
        for (long step : new long[] {3, 1, 2, 5, 4, 2}) {
            log("loss", step, step * 10.0);
        }
        storage.flush();
        SeriesColumns all = metrics.columns(trial, "loss", Long.MIN_VALUE, Long.MAX_VALUE);
        assertThat(java.util.Arrays.copyOf(all.steps(), all.size())).containsExactly(1, 2, 2, 3, 4, 5);
        assertThat(java.util.Arrays.copyOf(all.values(), all.size())).containsExactly(10, 20, 20, 30, 40, 50);
        SeriesColumns range = metrics.columns(trial, "loss", 2, 3);
        List<MetricPoint> points = metrics.series(trial, "loss", 2, 3);
        assertThat(range.size()).isEqualTo(points.size()).isEqualTo(3);
        for (int i = 0; i < range.size(); i++) {
            assertThat(range.steps()[i]).isEqualTo(points.get(i).step());
            assertThat(range.walls()[i]).isEqualTo(Times.toNanos(points.get(i).wallTime()));
        }
        assertThat(metrics.columns(trial, "nothing", Long.MIN_VALUE, Long.MAX_VALUE).size()).isZero();
    }

    @Test
    @Timeout(120)
    void loggingDoesNotWaitForTheDatabaseAndFlushMakesEverythingReadable() throws Exception {
        log("loss", 0, 1.0);
        storage.flush();
        try (Connection blocker = db.dataSource().getConnection()) {
            try (PreparedStatement lock = blocker.prepareStatement(
                    "SELECT point_count FROM metric_series WHERE trial_id = ? FOR UPDATE")) {
                lock.setLong(1, trial);
                lock.executeQuery().close();
            }
            for (int step = 1; step <= 5_000; step++) {
                log("loss", step, 1.0 / step);
            }
            assertThat(metrics.series(trial, "loss")).hasSize(1);
            blocker.rollback();
        }
        storage.flush();
        assertThat(metrics.series(trial, "loss")).hasSize(5_001);
    }

    @Test
    void summariesKeepTheLatestStepAndTheFiniteMinimumAndMaximum() {
        log("loss", 3, 0.5);
        log("loss", 1, 2.0);
        log("loss", 2, Double.POSITIVE_INFINITY);
        log("loss", 5, Double.NaN);
        log("loss", 4, -1.0);
        log("acc", 0, 0.1);
        storage.flush();
        List<SeriesSummary> summaries = metrics.summaries(trial);
        assertThat(summaries).extracting(SeriesSummary::name).containsExactly("acc", "loss");
        SeriesSummary loss = summaries.get(1);
        assertThat(loss.count()).isEqualTo(5);
        assertThat(loss.lastStep()).isEqualTo(5);
        assertThat(loss.lastValue()).isNaN();
        assertThat(loss.lastWall()).isEqualTo(T0.plusSeconds(5));
        assertThat(loss.min()).isEqualTo(-1.0);
        assertThat(loss.max()).isEqualTo(2.0);
    }

    @Test
    void summariesAreMergedCorrectlyWriteAfterWrite() {
        SummaryAcrossWrites.check(storage, metrics);
    }

    @Test
    void aStudyColumnGivesEachTrialsSummaryOfOneMetric() {
        long study = storage.findStudy("s").orElseThrow().id();
        long other = storage.createRunningTrial(study).id();
        log("val_acc", 0, 0.7);
        storage.logMetrics(other, List.of(new MetricPoint("val_acc", 0, 0.9, T0),
                new MetricPoint("loss", 0, 0.3, T0)));
        storage.flush();
        assertThat(metrics.column(study, "val_acc")).containsOnlyKeys(trial, other);
        assertThat(metrics.column(study, "val_acc").get(other).max()).isEqualTo(0.9);
        assertThat(metrics.studyMetricNames(study)).containsExactly("loss", "val_acc");
    }

    @Test
    void aCursorReturnsOnlyPointsWrittenAfterIt() {
        log("loss", 0, 1.0);
        log("acc", 0, 0.5);
        storage.flush();
        MetricPage first = metrics.after(trial, 0, 100);
        assertThat(first.points()).hasSize(2);
        assertThat(first.more()).isFalse();
        assertThat(metrics.after(trial, first.cursor(), 100).points()).isEmpty();
        log("loss", 1, 0.8);
        storage.flush();
        MetricPage second = metrics.after(trial, first.cursor(), 100);
        assertThat(second.points()).extracting(MetricPoint::name, MetricPoint::step)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("loss", 1L));
        assertThat(second.cursor()).isGreaterThan(first.cursor());
    }

    @Test
    void aCursorPageStopsAtTheLimitAndSaysMoreAreWaiting() {
        List<MetricPoint> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(new MetricPoint("loss", i, i, T0));
        }
        storage.logMetrics(trial, batch);
        storage.flush();
        List<Long> steps = new ArrayList<>();
        long cursor = 0;
        MetricPage page;
        do {
            page = metrics.after(trial, cursor, 10);
            page.points().forEach(p -> steps.add(p.step()));
            cursor = page.cursor();
        } while (page.more());
        assertThat(steps).hasSize(25).doesNotHaveDuplicates();
    }

    @Test
    void cursorPagesThatEndInsideAWrittenRunStillReturnEveryPointOnceInWritingOrder() {
        List<MetricPoint> batch = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            batch.add(new MetricPoint("loss", i, i, T0));
            batch.add(new MetricPoint("acc", i, -i, T0));
        }
        storage.logMetrics(trial, batch);
        storage.flush();
        log("loss", 13, 13);
        storage.flush();
        List<String> seen = new ArrayList<>();
        long cursor = 0;
        MetricPage page;
        int pages = 0;
        do {
            page = metrics.after(trial, cursor, 4);
            assertThat(page.points()).hasSizeLessThanOrEqualTo(4);
            page.points().forEach(p -> seen.add(p.name() + p.step()));
            cursor = page.cursor();
            pages++;
        } while (page.more());
        assertThat(seen).hasSize(27).doesNotHaveDuplicates().endsWith("loss13");
        assertThat(pages).isEqualTo(7);
        assertThat(metrics.after(trial, cursor, 4).points()).isEmpty();
    }

    @Test
    void theWriterAccountsForEveryPointAndBatchItCommitted() {
        var before = storage.ingestStages();
        List<MetricPoint> batch = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            batch.add(new MetricPoint("loss", i, i, T0));
        }
        storage.logMetrics(trial, batch);
        storage.flush();
        var stages = storage.ingestStages().minus(before);
        assertThat(stages.points()).isEqualTo(500);
        assertThat(stages.batches()).isBetween(1L, 500L);
        assertThat(stages.handoffNanos()).isPositive();
        assertThat(stages.insertNanos()).isPositive();
        assertThat(stages.writerNanos()).isGreaterThanOrEqualTo(stages.insertNanos() + stages.commitNanos());
    }

    @Test
    void aZoomedRangeComesBackAtFullResolutionAndTheWholeSeriesDownsampled() {
        List<MetricPoint> batch = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            batch.add(new MetricPoint("loss", i, Math.sin(i / 100.0), T0));
        }
        batch.set(12_345, new MetricPoint("loss", 12_345, 42.0, T0));
        storage.logMetrics(trial, batch);
        storage.flush();
        assertThat(metrics.series(trial, "loss", 1_000, 1_999)).hasSize(1_000);
        List<MetricPoint> small = metrics.downsampled(trial, "loss", 500);
        assertThat(small).hasSizeLessThanOrEqualTo(500);
        assertThat(small).extracting(MetricPoint::value).contains(42.0);
        assertThat(metrics.downsampled(trial, "loss", 500, 12_000, 12_999))
                .extracting(MetricPoint::value).contains(42.0);
    }

    @Test
    void pointsOfAnUnknownTrialOrWithABlankNameAreRejectedAtOnce() {
        assertThatThrownBy(() -> storage.logMetrics(987_654, List.of(new MetricPoint("loss", 0, 1, T0))))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> log(" ", 0, 1))
                .isInstanceOfSatisfying(StorageException.class, e -> assertThat(e.kind()).isEqualTo(StorageException.Kind.INVALID));
    }

    @Test
    void queuedPointsAreWrittenWhenTheStorageCloses() {
        for (int step = 0; step < 1_000; step++) {
            log("loss", step, step);
        }
        close();
        connect();
        assertThat(metrics.series(trial, "loss")).hasSize(1_000);
        FrozenTrial t = storage.trial(trial);
        assertThat(storage.metricNames(t.id())).containsExactly("loss");
    }
}
