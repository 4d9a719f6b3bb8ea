package io.tunelab.tensorboard.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.event.EventFileReader;
import io.tunelab.tensorboard.event.LogdirFiles;
import io.tunelab.tensorboard.event.SummaryPoint;
import io.tunelab.tensorboard.event.TestPngs;
import io.tunelab.tensorboard.imports.LogdirImporter;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StudyExporterSummariesTest {
    @TempDir
    Path dir;

    /**
     * A tracker holding a DJL trial as the trainers logged it before Keras's names (weights/ and gradients/ under DJL's
     * names), exported to {@code dir/logdir}.
     */
    private Tracker exportedDjlNamedStudy() {
        Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("tracker")));
        TrialStorage storage = tracker.storage();
        Study study = Study.builder("djl").storage(storage).direction(Direction.MINIMIZE).seed(1).create();
        study.optimize(trial -> {
            for (int epoch = 1; epoch <= 2; epoch++) {
                trial.log("loss", epoch, 1.0 / epoch);
                trial.logHistogram("weights/02Linear_weight", epoch, new double[] {-1, 0, epoch});
                trial.logHistogram("gradients/02Linear_weight", epoch, new double[] {0.1, 0.2});
                trial.logHistogram("weights/04Linear_bias", epoch, new double[] {0, 0.5});
            }
            trial.logImage("predictions/samples", 2, TestPngs.rgb(4, 3));
            trial.logText("valid/confusion_matrix_table", 2, "| a | b |");
            return 0.5;
        }, 1);
        storage.flush();
        new StudyExporter(tracker).export("djl", dir.resolve("logdir"));
        return tracker;
    }

    @Test
    void histogramsImagesAndTextsGoToTrainAtTheirEpochsStepUnderKerasNamesAsKerasWritesWeightHistograms() throws IOException {
        exportedDjlNamedStudy().close();

        Path run = dir.resolve("logdir/trial-0000");
        assertThat(logged(run)).as("nothing but the session and objective in the run directory itself").isEmpty();
        assertThat(logged(run.resolve("train"))).extracting(LoggedSummary::tag, LoggedSummary::step).containsExactlyInAnyOrder(
                tuple("dense/kernel_0", 0L), tuple("dense/kernel_0", 1L),
                tuple("dense/kernel_0_grad", 0L), tuple("dense/kernel_0_grad", 1L),
                tuple("dense_1/bias_0", 0L), tuple("dense_1/bias_0", 1L),
                tuple("predictions/samples", 1L), tuple("valid/confusion_matrix_table", 1L));
        assertThat(scalarSteps(run.resolve("train"), "epoch_loss")).as("the same steps as the epoch's scalars")
                .containsExactly(0L, 1L);
    }

    @Test
    void theExportedSummariesImportBackWithTheirKerasTagsAtTheTrialsSteps() {
        try (Tracker tracker = exportedDjlNamedStudy()) {
            TrialStorage storage = tracker.storage();

            new LogdirImporter(storage, "loss", Direction.MINIMIZE).importLogdir(dir.resolve("logdir"), "copy");

            FrozenTrial copy = storage.trials(storage.findStudy("copy").orElseThrow().id(), EnumSet.allOf(TrialState.class))
                    .get(0);
            assertThat(storage.summaryTags(copy.id())).extracting(SummaryTag::tag).containsExactlyInAnyOrder("dense/kernel_0",
                    "dense/kernel_0_grad", "dense_1/bias_0", "predictions/samples", "valid/confusion_matrix_table");
            assertThat(storage.summaries(copy.id(), "dense/kernel_0")).extracting(LoggedSummary::step).containsExactly(1L, 2L);
            assertThat(storage.summaries(copy.id(), "predictions/samples")).extracting(LoggedSummary::step)
                    .containsExactly(2L);
        }
    }

    private static List<LoggedSummary> logged(Path runDir) throws IOException {
        List<LoggedSummary> summaries = new ArrayList<>();
        read(runDir, p -> {
            if (p instanceof SummaryPoint.Logged l) {
                summaries.add(l.summary());
            }
        });
        return summaries;
    }

    private static List<Long> scalarSteps(Path runDir, String tag) throws IOException {
        List<Long> steps = new ArrayList<>();
        read(runDir, p -> {
            if (p instanceof SummaryPoint.Scalar s && s.tag().equals(tag)) {
                steps.add(s.step());
            }
        });
        return steps;
    }

    private static void read(Path runDir, Consumer<SummaryPoint> points) throws IOException {
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.filter(LogdirFiles::isEventsFile).sorted().toList()) {
                EventFileReader.read(f, points, p -> {
                    throw new AssertionError(p.toString());
                });
            }
        }
    }
}
