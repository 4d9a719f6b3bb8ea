package io.tunelab.tensorboard.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tunelab.search.study.Study;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialPrunedException;
import io.tunelab.tensorboard.event.EventFileReader;
import io.tunelab.tensorboard.event.HParamsSummaries;
import io.tunelab.tensorboard.event.LogdirFiles;
import io.tunelab.tensorboard.event.SummaryPoint;
import io.tunelab.tensorboard.proto.SessionStatus;
import io.tunelab.tensorboard.export.RunNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TensorBoardObjectiveTest {
    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void eachTrialWritesItsMetricsAsKerasDoesAndItsObjectiveToItsOwnRun() throws IOException {
        Study study = Study.builder("live").seed(5).create();
        study.optimize(TensorBoardObjective.single(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            for (int epoch = 1; epoch <= 3; epoch++) {
                trial.log(epoch, java.util.Map.of("loss", x / epoch, "val_loss", 2 * x / epoch, "accuracy", 0.5,
                        "val_accuracy", 0.25, "lr", 0.01));
            }
            return x;
        }, dir, "live", Direction.MINIMIZE, clock), 2);
        for (int n = 0; n < 2; n++) {
            Path run = dir.resolve("live").resolve("trial-000" + n);
            double x = (Double) study.trials().get(n).params().get("x");
            List<SummaryPoint> train = points(run.resolve("train"));
            List<SummaryPoint> validation = points(run.resolve("validation"));
            assertThat(train).extracting(SummaryPoint::tag).containsOnly("epoch_loss", "epoch_accuracy", "epoch_learning_rate");
            assertThat(validation).extracting(SummaryPoint::tag).containsOnly("epoch_loss", "epoch_accuracy");
            assertThat(train).filteredOn(p -> p.tag().equals("epoch_loss")).extracting(SummaryPoint::step)
                    .containsExactly(0L, 1L, 2L);
            assertThat(validation).filteredOn(p -> p.tag().equals("epoch_loss")).extracting(p -> ((SummaryPoint.Scalar) p).value())
                    .containsExactly(float32(2 * x), float32(x), float32(2 * x / 3));
            List<SummaryPoint> root = points(run);
            assertThat(root).extracting(SummaryPoint::tag).containsExactly(SESSION_START, "objective", HParamsSummaries.SESSION_END_TAG);
            assertThat(root.get(1)).isInstanceOfSatisfying(SummaryPoint.Scalar.class, p -> {
                assertThat(p.step()).isEqualTo(2);
                assertThat(p.value()).isEqualTo(float32(x));
                assertThat(p.description()).isEqualTo("Tunelab objective value, minimized");
            });
        }
    }

    private static double float32(double x) {
        return Double.parseDouble(Float.toString((float) x));
    }

    @Test
    void summariesGoToTheRunsTrainDirectoryAtTheirEpochsStepAsKerasHistogramsDoAndToTheStudysStorage() throws IOException {
        Study study = Study.builder("live-summaries").seed(5).create();
        study.optimize(TensorBoardObjective.single(trial -> {
            trial.logHistogram("dense/kernel", 1, new double[] {-1, 0, 1});
            trial.logText("notes", 1, "**ok**");
            trial.logImage("inputs", 1, new float[2][2][3]);
            trial.logPrCurve("pr", 1, new boolean[] {true, false}, new double[] {0.7, 0.2});
            return 1.0;
        }, dir, "live-summaries", Direction.MAXIMIZE, clock), 1);
        Path run = dir.resolve("live-summaries").resolve("trial-0000");
        assertThat(points(run)).noneMatch(p -> p instanceof SummaryPoint.Logged);
        List<SummaryPoint> points = points(run.resolve("train"));
        assertThat(points).filteredOn(p -> p instanceof SummaryPoint.Logged).extracting(p -> ((SummaryPoint.Logged) p).summary())
                .extracting(LoggedSummary::tag, LoggedSummary::kind, LoggedSummary::step).containsExactly(
                        tuple("dense/kernel", SummaryKind.HISTOGRAM, 0L), tuple("notes", SummaryKind.TEXT, 0L),
                        tuple("inputs", SummaryKind.IMAGE, 0L), tuple("pr", SummaryKind.PR_CURVE, 0L));
        long trialId = study.trials().get(0).id();
        assertThat(study.storage().summaryTags(trialId)).hasSize(4);
    }

    private static final String SESSION_START = HParamsSummaries.SESSION_START_TAG;

    @Test
    void aPrunedOrFailedTrialKeepsWhatItLoggedAndTheStudyGoesOn() throws IOException {
        Study study = Study.builder("live-fail").seed(5).create();
        study.optimize(TensorBoardObjective.single(trial -> {
            trial.log("loss", 1, 1.0);
            if (trial.number() == 0) {
                throw new TrialPrunedException("pruned at 0");
            }
            throw new IllegalStateException("boom");
        }, dir, "live-fail", Direction.MINIMIZE, clock), 2);
        Path runs = dir.resolve("live-fail");
        assertThat(points(runs.resolve("trial-0000"))).extracting(SummaryPoint::tag)
                .containsExactly(SESSION_START, HParamsSummaries.SESSION_END_TAG);
        assertThat(points(runs.resolve("trial-0000/train"))).extracting(SummaryPoint::tag).containsExactly("epoch_loss");
        assertThat(points(runs.resolve("trial-0000")).get(1)).isInstanceOfSatisfying(SummaryPoint.SessionEnd.class,
                end -> assertThat(end.status()).isEqualTo(SessionStatus.STATUS_UNKNOWN));
        assertThat(points(runs.resolve("trial-0001")).get(1)).isInstanceOfSatisfying(SummaryPoint.SessionEnd.class,
                end -> assertThat(end.status()).isEqualTo(SessionStatus.STATUS_FAILURE));
    }

    @Test
    void twoStudiesSharingALogdirWriteTheirTrialZeroIntoTheirOwnFolders() throws IOException {
        for (String name : new String[] {"mlp", "cnn"}) {
            double value = name.length();
            Study.builder(name).seed(5).create().optimize(TensorBoardObjective.single(trial -> {
                trial.log(name + "_loss", 0, value);
                return value;
            }, dir, name, Direction.MINIMIZE, clock), 1);
        }

        assertThat(points(dir.resolve("mlp/trial-0000/train"))).extracting(SummaryPoint::tag).contains("epoch_mlp_loss")
                .doesNotContain("epoch_cnn_loss");
        assertThat(points(dir.resolve("cnn/trial-0000/train"))).extracting(SummaryPoint::tag).contains("epoch_cnn_loss")
                .doesNotContain("epoch_mlp_loss");
    }

    @Test
    void aDivergedTrialKeepsItsCurveUpToItsNanEpochAndEndsAsAFailure() throws IOException {
        Study study = Study.builder("live-nan").seed(5).create();
        study.optimize(TensorBoardObjective.single(trial -> {
            trial.log("loss", 1, 0.5);
            trial.log("loss", 2, Double.NaN);
            throw new IllegalStateException("training diverged: training loss became NaN at epoch 2");
        }, dir, "live-nan", Direction.MINIMIZE, clock), 1);

        Path run = dir.resolve("live-nan/trial-0000");
        assertThat(points(run.resolve("train"))).extracting(SummaryPoint::step, p -> ((SummaryPoint.Scalar) p).value())
                .containsExactly(tuple(0L, 0.5), tuple(1L, Double.NaN));
        assertThat(points(run)).last().isInstanceOfSatisfying(SummaryPoint.SessionEnd.class,
                end -> assertThat(end.status()).isEqualTo(SessionStatus.STATUS_FAILURE));
    }

    @Test
    void aStudyNameBecomesOneSafeFolder() {
        assertThat(RunNames.studyFolder("fashion mlp/v2")).isEqualTo("fashion_mlp_v2");
        assertThat(RunNames.studyFolder("..")).isEqualTo("_");
        assertThat(RunNames.studyFolder("mlp-1.2_a")).isEqualTo("mlp-1.2_a");
    }

    private static List<SummaryPoint> points(Path run) throws IOException {
        List<SummaryPoint> points = new ArrayList<>();
        try (Stream<Path> files = Files.list(run)) {
            for (Path f : files.filter(LogdirFiles::isEventsFile).toList()) {
                EventFileReader.read(f, points::add, p -> {
                    throw new AssertionError(p.toString());
                });
            }
        }
        return points;
    }
}
