package io.tunelab.tensorboard.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.live.TensorBoardObjective;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A logdir {@code fit.tensorboard_dir} wrote imports back as the trials that wrote it. */
class LiveImportRoundTripTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);
    private final TrialStorage storage = new InMemoryStorage();

    @Test
    void aLiveWrittenLogdirImportsBackWithTheSameMetricsStepsValuesAndDirection() {
        Study study = Study.builder("live").storage(storage).direction(Direction.MAXIMIZE).seed(3).create();
        study.optimize(TensorBoardObjective.single(trial -> {
            double lr = trial.suggestFloat("lr", 1e-4, 1e-1);
            for (int epoch = 1; epoch <= 3; epoch++) {
                trial.log(epoch, Map.of("loss", 1.0 / epoch + lr, "accuracy", 0.5 + epoch / 8.0, "val_loss", 2.0 / epoch,
                        "val_accuracy", 0.25 + epoch / 8.0, "lr", lr));
            }
            return 0.25 + 3 / 8.0 + lr;
        }, dir, "live", Direction.MAXIMIZE, clock), 2);
        List<Optional<Direction>> said = new ArrayList<>();

        ImportReport report = new LogdirImporter(storage, null, RunValue.LAST, (metric, existing, logdirSays) -> {
            said.add(logdirSays);
            return logdirSays.orElseThrow();
        }).importLogdir(dir.resolve("live"), "imported");

        assertThat(said).containsExactly(Optional.of(Direction.MAXIMIZE));
        assertThat(report.imported()).containsExactly("trial-0000", "trial-0001");
        List<FrozenTrial> original = study.trials();
        List<FrozenTrial> copies = storage.trials(storage.findStudy("imported").orElseThrow().id(), EnumSet.allOf(TrialState.class));
        assertThat(storage.findStudy("imported").orElseThrow().directions()).containsExactly(Direction.MAXIMIZE);
        for (int i = 0; i < 2; i++) {
            FrozenTrial copy = copies.get(i);
            assertThat(copy.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(copy.values()).containsExactly(float32(original.get(i).value()));
            assertThat(copy.params()).isEqualTo(original.get(i).params());
            assertThat(storage.metricNames(copy.id())).containsExactlyInAnyOrderElementsOf(storage.metricNames(original.get(i).id()));
            for (String metric : storage.metricNames(original.get(i).id())) {
                assertThat(storage.metrics(copy.id(), metric)).as(metric).extracting(MetricPoint::step, MetricPoint::value)
                        .containsExactlyElementsOf(storage.metrics(original.get(i).id(), metric).stream()
                                .map(p -> org.assertj.core.groups.Tuple.tuple(p.step(), float32(p.value()))).toList());
            }
        }
    }

    private static double float32(double x) {
        return Double.parseDouble(Float.toString((float) x));
    }
}
