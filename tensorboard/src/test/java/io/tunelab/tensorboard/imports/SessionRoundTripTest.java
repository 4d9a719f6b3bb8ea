package io.tunelab.tensorboard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.HParamsSummaries;
import io.tunelab.tensorboard.export.ObjectiveTags;
import io.tunelab.tensorboard.export.StudyExporter;
import io.tunelab.tensorboard.proto.SessionStatus;
import io.tunelab.tracker.artifact.LocalArtifactRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An export's HParams sessions carry each trial's state and times, and an import gives them back. */
@Timeout(60)
class SessionRoundTripTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09.250Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final InMemoryStorage storage = new InMemoryStorage(clock);

    @Test
    void anExportedStudyImportsBackWithItsStatesDurationsParamsAndValues() {
        long study = storage.createStudy("qa-mlp", List.of(Direction.MAXIMIZE)).id();
        trial(study, 0.003, Duration.ofMillis(58_600), TrialState.COMPLETE, List.of(0.875));
        trial(study, 0.02, Duration.ofMillis(6_296), TrialState.PRUNED, List.of(0.75));
        trial(study, 0.01, Duration.ofSeconds(3), TrialState.FAIL, List.of());

        new StudyExporter(storage, new LocalArtifactRepository(dir.resolve("artifacts"))).export("qa-mlp", dir.resolve("tb"));
        ImportReport report = new LogdirImporter(storage, ObjectiveTags.OBJECTIVE_TAG, Direction.MAXIMIZE)
                .importLogdir(dir.resolve("tb"), "rt");

        assertThat(report.imported()).containsExactly("trial-0000", "trial-0001", "trial-0002");
        List<FrozenTrial> copies = storage.trials(storage.findStudy("rt").orElseThrow().id(), EnumSet.allOf(TrialState.class));
        assertThat(copies).extracting(FrozenTrial::state)
                .containsExactly(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL);
        assertThat(copies).extracting(FrozenTrial::values).containsExactly(List.of(0.875), List.of(0.75), List.of());
        assertThat(copies).extracting(t -> Duration.between(t.start(), t.end()))
                .containsExactly(Duration.ofMillis(58_600), Duration.ofMillis(6_296), Duration.ofSeconds(3));
        assertThat(copies.get(0).start()).isEqualTo(T0);
        assertThat(copies.get(0).params()).containsEntry("lr", 0.003);
        assertThat(copies.get(0).intermediateValues()).containsEntry(0, 0.5).containsEntry(1, 0.875);
        // Tunelab's reserved tags are the trial's values and intermediate values again, not metric series
        assertThat(storage.metricNames(copies.get(0).id())).containsExactly("val_accuracy");
    }

    @Test
    void aRunWhoseSessionHasNotEndedIsLeftForALaterImportThatTakesItOnceItHasEnded() {
        Path run = dir.resolve("tb/trial-0003");
        try (EventFileWriter w = EventFileWriter.create(run, T0)) {
            w.write(0, T0, HParamsSummaries.sessionStart(Map.of("lr", 0.01), "", T0));
            w.scalar("val_loss", 0, T0.plusSeconds(5), 0.5);
        }
        LogdirImporter importer = new LogdirImporter(storage, "val_loss", Direction.MINIMIZE);

        ImportReport first = importer.importLogdir(dir.resolve("tb"), "qa-rnn");
        assertThat(first.imported()).isEmpty();
        assertThat(first.running()).containsExactly("trial-0003");

        try (EventFileWriter w = EventFileWriter.create(run, T0.plusSeconds(5))) {
            w.scalar("val_loss", 1, T0.plusSeconds(9), 0.25);
            w.write(1, T0.plusSeconds(10), HParamsSummaries.sessionEnd(SessionStatus.STATUS_SUCCESS, T0.plusSeconds(10)));
        }
        ImportReport later = importer.importLogdir(dir.resolve("tb"), "qa-rnn");
        assertThat(later.imported()).containsExactly("trial-0003");
        FrozenTrial t = storage.trials(storage.findStudy("qa-rnn").orElseThrow().id(), EnumSet.allOf(TrialState.class)).get(0);
        assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.values()).containsExactly(0.25);
        assertThat(storage.metrics(t.id(), "val_loss")).extracting(MetricPoint::step).containsExactly(0L, 1L);
        assertThat(Duration.between(t.start(), t.end())).isEqualTo(Duration.ofSeconds(10));
    }

    private void trial(long study, double lr, Duration took, TrialState state, List<Double> values) {
        clock.now = T0.plus(Duration.ofMinutes(storage.trials(study, EnumSet.allOf(TrialState.class)).size()));
        long id = storage.createRunningTrial(study).id();
        storage.setParam(id, "lr", lr, FloatDistribution.uniform(1e-4, 0.1));
        storage.setIntermediateValue(id, 0, 0.5);
        storage.setIntermediateValue(id, 1, 0.875);
        storage.logMetrics(id, List.of(new MetricPoint("val_accuracy", 0, 0.5, clock.now),
                new MetricPoint("val_accuracy", 1, 0.875, clock.now.plusSeconds(1))));
        clock.now = clock.now.plus(took);
        storage.finishTrial(id, state, values, null);
    }

    private static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
