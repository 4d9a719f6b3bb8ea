package io.tunelab.tracker.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.tracker.TrackerException;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import io.tunelab.tracker.config.DatabaseSettings;
import io.tunelab.tracker.config.StorageOptions;
import io.tunelab.tracker.metrics.SeriesSummary;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A metric batch whose commit went through but whose acknowledgement was lost is written once, not twice. */
class LostAcknowledgementTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path tmp;

    /** Commits the work, then reports the connection lost, for the first {@code losses} transactions. */
    private record LosingAcknowledgements(Database db, AtomicInteger losses, AtomicInteger lost) implements Transactions {
        @Override
        public <T> T inTransaction(SqlWork<T> work) {
            T result = db.inTransaction(work);
            if (losses.getAndDecrement() > 0) {
                lost.incrementAndGet();
                throw TrackerException.unavailable("connection reset after commit (acknowledgement lost)", null);
            }
            return result;
        }
    }

    @Test
    @Timeout(60)
    void aBatchRetriedAfterALostAcknowledgementIsNotWrittenTwice() {
        Database db = Database.open(DatabaseSettings.embedded(tmp));
        try (JdbcTrialStorage storage = new JdbcTrialStorage(db, false, new LocalArtifactRepository(tmp.resolve("a")),
                StorageOptions.defaults().withoutHeartbeat())) {
            long study = storage.createStudy("s", List.of(Direction.MINIMIZE)).id();
            long trial = storage.createRunningTrial(study).id();
            AtomicInteger lost = new AtomicInteger();
            try (MetricWriter writer = new MetricWriter(new LosingAcknowledgements(db, new AtomicInteger(2), lost), 1_000,
                    100_000, Duration.ofSeconds(30))) {
                List<MetricPoint> points = new ArrayList<>();
                for (int i = 0; i < 300; i++) {
                    points.add(new MetricPoint("loss", i, 1.0 / (i + 1), T0));
                }
                writer.enqueue(trial, points);
                writer.flush();
                writer.enqueue(trial, List.of(new MetricPoint("loss", 300, 0.0, T0)));
                writer.flush();
            }
            assertThat(lost).as("acknowledgements dropped").hasValue(2);
            JdbcMetricQueries metrics = new JdbcMetricQueries(db);
            assertThat(metrics.series(trial, "loss")).hasSize(301).extracting(MetricPoint::step).doesNotHaveDuplicates();
            assertThat(metrics.summaries(trial)).singleElement().extracting(SeriesSummary::count).isEqualTo(301L);
        } finally {
            db.close();
        }
    }
}
