package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.ArtifactRef;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.Trial;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.trainers.testing.TestStudies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrialCallbacksTest {
    private final FakeContext ctx = new FakeContext();

    @Test
    void metricsLoggerWritesEveryMetricAtTheEpochsStep() {
        Study study = TestStudies.maximizing("metrics");
        Trial trial = study.ask();
        MetricsLogger logger = new MetricsLogger(trial);

        logger.onEpochEnd(FakeContext.metrics(1, 0.9, 0.6), ctx);
        logger.onEpochEnd(FakeContext.metrics(2, 0.7, 0.7), ctx);

        TrialStorage storage = study.storage();
        long id = TestStudies.trial(study, 0).id();
        assertThat(storage.metricNames(id)).containsExactlyInAnyOrderElementsOf(EpochMetrics.COMMON_NAMES);
        assertThat(storage.metrics(id, "val_accuracy")).extracting(MetricPoint::step, MetricPoint::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 0.6), org.assertj.core.groups.Tuple.tuple(2L, 0.7));
    }

    @Test
    void aDivergedEpochIsLoggedWithItsNanLossWhenTrainingEndsAsKerasTerminateOnNanEndsIt() {
        Study study = TestStudies.maximizing("diverged");
        Trial trial = study.ask();
        Callbacks callbacks = new Callbacks(List.of(new MetricsLogger(trial), new DivergenceDetector()));
        callbacks.onBatchEnd(1, 0, 0.5, ctx);
        callbacks.onEpochEnd(FakeContext.metrics(1, 0.9, 0.6), ctx);
        callbacks.onBatchEnd(2, 0, 0.25, ctx);

        TrainingDivergedException diverged = catchThrowableOfType(TrainingDivergedException.class,
                () -> callbacks.onBatchEnd(2, 1, Double.NaN, ctx));
        callbacks.onTrainEnd(new TrainingEnd(1, null, diverged), ctx);

        long id = TestStudies.trial(study, 0).id();
        assertThat(study.storage().metrics(id, "loss")).extracting(MetricPoint::step, MetricPoint::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, FakeContext.metrics(1, 0.9, 0.6).loss()),
                        org.assertj.core.groups.Tuple.tuple(2L, Double.NaN));
        assertThat(study.storage().metrics(id, "lr")).extracting(MetricPoint::step).containsExactly(1L, 2L);
    }

    @Test
    void pruningCallbackReportsEachEpochAndStopsWhenThePrunerSaysSo() {
        Study study = TestStudies.maximizing("prune", TestStudies.pruneAtStep(2));
        Trial trial = study.ask();
        PruningCallback pruning = new PruningCallback(trial, Monitor.of("val_accuracy"));

        pruning.onEpochEnd(FakeContext.metrics(1, 1, 0.3), ctx);

        assertThatThrownBy(() -> pruning.onEpochEnd(FakeContext.metrics(2, 1, 0.35), ctx))
                .isInstanceOf(TrialPrunedException.class).hasMessage("pruned after epoch 2 with val_accuracy 0.35");
        assertThat(TestStudies.trial(study, 0).intermediateValues()).containsEntry(1, 0.3).containsEntry(2, 0.35);
    }

    @Test
    void bestCheckpointAttachesTheBestEpochsModelAndCleansUp() throws Exception {
        Study study = TestStudies.maximizing("checkpoint");
        Trial trial = study.ask();
        BestCheckpoint checkpoint = new BestCheckpoint(trial, Monitor.of("val_accuracy"));
        double[] accuracies = {0.5, 0.8, 0.7};
        for (int e = 1; e <= 3; e++) {
            ctx.epoch = e;
            checkpoint.onEpochEnd(FakeContext.metrics(e, 1, accuracies[e - 1]), ctx);
        }
        assertThat(study.storage().artifacts(TestStudies.trial(study, 0).id())).isEmpty();

        checkpoint.onTrainEnd(new TrainingEnd(3, null, null), ctx);

        FrozenTrial t = TestStudies.trial(study, 0);
        List<ArtifactRef> artifacts = study.storage().artifacts(t.id());
        assertThat(ctx.saves).containsExactly("best@1", "best@2");
        assertThat(artifacts).extracting(ArtifactRef::name).containsExactly("best-0000.params", "best.architecture.json",
                "MLmodel");
        assertThat(artifacts.get(0).size()).isEqualTo("weights of epoch 2".length());
        assertThat(t.userAttrs()).containsEntry("best_checkpoint_epoch", 2);
        assertThat(Files.readString(Path.of(artifacts.get(0).uri()))).isEqualTo("weights of epoch 2");
        assertThat(ctx.saveDirs).isNotEmpty().allSatisfy(d -> assertThat(d).as("temporary directory deleted").doesNotExist());
    }
}
