package io.tunelab.tensorboard.imports;

import io.tunelab.search.trial.RangeOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.summary.ImageSummary;
import io.tunelab.search.summary.LoggedSummary;
import io.tunelab.search.summary.SummaryKind;
import io.tunelab.search.summary.SummaryTag;
import io.tunelab.search.summary.TextSummary;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.ImageArtifacts;
import io.tunelab.tensorboard.event.LogdirFiles;
import io.tunelab.tensorboard.event.TestPngs;
import io.tunelab.tensorboard.export.ObjectiveTags;
import io.tunelab.tensorboard.export.StudyExporter;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ExportImportRoundTripTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    @TempDir
    Path dir;

    private Tracker tracker;
    private TrialStorage storage;

    @BeforeEach
    void open() {
        tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("tracker")));
        storage = tracker.storage();
    }

    @AfterEach
    void close() {
        tracker.close();
    }

    @Test
    void anExportedStudyImportsBackWithTheSameSeriesAndObjectiveValues() throws IOException {
        Study study = Study.builder("exported").storage(storage).direction(Direction.MAXIMIZE).seed(3).create();
        study.optimize(trial -> {
            double lr = trial.suggestFloat("lr", 1e-4, 1e-1, RangeOptions.log());
            String opt = trial.suggestCategorical("opt", List.of("adam", "sgd"));
            for (int epoch = 0; epoch < 4; epoch++) {
                trial.log("val_accuracy", epoch, 0.5 + epoch / 8.0);
                trial.log("loss", epoch, 1.0 / (epoch + 1) + lr);
            }
            return opt.equals("adam") ? 0.875 : 0.75;
        }, 3);
        storage.flush();

        StudyExporter.Exported exported = new StudyExporter(tracker).export("exported", dir.resolve("logdir"));
        assertThat(exported.runs()).isEqualTo(3);
        assertThat(exported.scalars()).isEqualTo(3 * (8 + 1));
        try (Stream<Path> runs = Files.list(dir.resolve("logdir"))) {
            assertThat(runs.filter(Files::isDirectory).map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("trial-0000", "trial-0001", "trial-0002");
        }
        // as Keras's TensorBoard callback writes a fit, and as fit.tensorboard_dir writes a trial
        assertThat(scalarTags(dir.resolve("logdir/trial-0000/train"))).containsExactly("epoch_loss");
        assertThat(scalarTags(dir.resolve("logdir/trial-0000/validation"))).containsExactly("epoch_accuracy");

        ImportReport report = new LogdirImporter(storage, ObjectiveTags.OBJECTIVE_TAG, Direction.MAXIMIZE)
                .importLogdir(dir.resolve("logdir"), "imported");
        // The logdir's root holds only the HParams experiment: nothing to import, so no trial for it.
        assertThat(report.imported()).containsExactly("trial-0000", "trial-0001", "trial-0002");
        assertThat(report.problems()).isEmpty();
        assertThat(report.scalars()).isEqualTo(exported.scalars());

        List<FrozenTrial> original = storage.trials(storage.findStudy("exported").orElseThrow().id(), EnumSet.of(TrialState.COMPLETE));
        List<FrozenTrial> copies = storage.trials(storage.findStudy("imported").orElseThrow().id(), EnumSet.allOf(TrialState.class));
        assertThat(copies).hasSize(3);
        for (int i = 0; i < 3; i++) {
            FrozenTrial copy = copies.get(i);
            assertThat(copy.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(copy.values()).isEqualTo(original.get(i).values());
            assertThat(copy.systemAttrs()).containsEntry(LogdirImporter.RUN_ATTR, "trial-000" + i);
            List<MetricPoint> loss = storage.metrics(copy.id(), "loss");
            List<MetricPoint> originalLoss = storage.metrics(original.get(i).id(), "loss");
            assertThat(loss).extracting(MetricPoint::step).containsExactly(0L, 1L, 2L, 3L);
            for (int s = 0; s < 4; s++) {
                assertThat(loss.get(s).value()).isEqualTo(Double.parseDouble(Float.toString((float) originalLoss.get(s).value())));
            }
        }
    }

    @Test
    void anExportedMultiObjectiveStudyImportsBackWithEveryObjectivesDirectionAndValue() {
        Study study = Study.builder("pareto").storage(storage).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .seed(3).create();
        study.optimizeMulti(trial -> {
            double x = trial.suggestFloat("x", 0, 1);
            trial.log("loss", 1, x);
            return new double[] {x, 1 - x * x};
        }, OptimizeOptions.trials(3));
        storage.flush();
        new StudyExporter(tracker).export("pareto", dir.resolve("logdir"));
        List<String> asked = new ArrayList<>();
        LogdirImporter.DirectionChoice logdirSays = (metric, existing, said) -> {
            asked.add(metric + " " + said.map(Direction::name).orElse("nothing"));
            return said.orElseThrow();
        };

        new LogdirImporter(storage, null, RunValue.LAST, logdirSays).importLogdir(dir.resolve("logdir"), "copy");

        assertThat(asked).containsExactly("objective_0 MINIMIZE", "objective_1 MAXIMIZE");
        assertThat(storage.findStudy("copy").orElseThrow().directions())
                .containsExactly(Direction.MINIMIZE, Direction.MAXIMIZE);
        List<FrozenTrial> original = storage.trials(storage.findStudy("pareto").orElseThrow().id(),
                EnumSet.allOf(TrialState.class));
        List<FrozenTrial> copies = storage.trials(storage.findStudy("copy").orElseThrow().id(),
                EnumSet.allOf(TrialState.class));
        assertThat(copies).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(copies.get(i).state()).isEqualTo(TrialState.COMPLETE);
            assertThat(copies.get(i).values()).hasSize(2).containsExactlyElementsOf(float32(original.get(i).values()));
            assertThat(storage.metricNames(copies.get(i).id())).as("objective values are no series").containsOnly("loss");
        }
    }

    private static List<Double> float32(List<Double> values) {
        return values.stream().map(v -> Double.parseDouble(Float.toString(v.floatValue()))).toList();
    }

    private static List<String> scalarTags(Path runDir) throws IOException {
        List<String> tags = new ArrayList<>();
        try (Stream<Path> files = Files.list(runDir)) {
            for (Path f : files.filter(LogdirFiles::isEventsFile).toList()) {
                io.tunelab.tensorboard.event.EventFileReader.read(f, p -> {
                    if (p instanceof io.tunelab.tensorboard.event.SummaryPoint.Scalar s && !tags.contains(s.tag())) {
                        tags.add(s.tag());
                    }
                }, p -> {
                    throw new AssertionError(p.toString());
                });
            }
        }
        return tags;
    }

    @Test
    void aKerasStyleLogdirBecomesOneTrialWithImagesAndTextsAsSummaries() throws IOException {
        Path logdir = dir.resolve("keras");
        try (EventFileWriter train = EventFileWriter.create(logdir.resolve("train"), T0);
                EventFileWriter validation = EventFileWriter.create(logdir.resolve("validation"), T0)) {
            for (int epoch = 0; epoch < 3; epoch++) {
                train.scalar("epoch_loss", epoch, T0.plusSeconds(epoch), 1.0 / (epoch + 1));
                validation.scalar("epoch_loss", epoch, T0.plusSeconds(epoch), 2.0 / (epoch + 1));
                validation.scalar("epoch_accuracy", epoch, T0.plusSeconds(epoch), 0.25 * epoch);
            }
            train.image("samples/grid", 2, T0, TestPngs.rgb(5, 4));
            train.text("summary", 2, T0, "hi");
        }
        ImportReport report = new LogdirImporter(storage, "epoch_loss", Direction.MINIMIZE).importLogdir(logdir, "keras");
        assertThat(report.imported()).containsExactly(".");
        assertThat(report.scalars()).isEqualTo(9);
        assertThat(report.summaries()).isEqualTo(2);
        List<FrozenTrial> trials = storage.trials(storage.findStudy("keras").orElseThrow().id(), EnumSet.allOf(TrialState.class));
        assertThat(trials).hasSize(1);
        FrozenTrial run = trials.get(0);
        assertThat(run.values()).containsExactly(0.6666667);
        assertThat(storage.metricNames(run.id())).containsExactly("epoch_accuracy", "epoch_loss", "train/epoch_loss");
        assertThat(storage.summaryTags(run.id())).containsExactly(new SummaryTag("train/samples/grid", SummaryKind.IMAGE),
                new SummaryTag("train/summary", SummaryKind.TEXT));
        assertThat(storage.summaries(run.id(), "train/summary")).extracting(LoggedSummary::value)
                .containsExactly(new TextSummary("hi"));

        new StudyExporter(tracker).export("keras", dir.resolve("re-exported"));
        ImportReport again = new LogdirImporter(storage, "epoch_loss", Direction.MINIMIZE)
                .importLogdir(dir.resolve("re-exported"), "keras-2");
        assertThat(again.summaries()).isEqualTo(2);
        FrozenTrial copy = storage.trials(storage.findStudy("keras-2").orElseThrow().id(), EnumSet.allOf(TrialState.class)).get(0);
        assertThat(((ImageSummary) storage.summaries(copy.id(), "train/samples/grid").get(0).value()).png()).isEqualTo(TestPngs.rgb(5, 4));
    }

    @Test
    void everySummaryKindATrialLogsIsExportedAndImportedBackUnchanged() {
        Study study = Study.builder("summaries").storage(storage).seed(5).create();
        study.optimize(trial -> {
            java.util.SplittableRandom random = new java.util.SplittableRandom(trial.seed());
            for (int epoch = 0; epoch < 3; epoch++) {
                trial.logHistogram("dense/kernel", epoch, random.doubles(200, -1, 1).toArray());
                trial.logPrCurve("pr/cat", epoch, new boolean[] {true, false, true, false, true},
                        random.doubles(5).toArray());
            }
            trial.logImage("inputs", 2, TestPngs.rgb(4, 3));
            trial.logText("model card", 2, "# Model\n<b>not bold</b> **bold**");
            trial.log("loss", 2, 0.5);
            return 0.5;
        }, 2);
        new StudyExporter(tracker).export("summaries", dir.resolve("summaries"));
        ImportReport report = new LogdirImporter(storage, "loss", Direction.MINIMIZE)
                .importLogdir(dir.resolve("summaries"), "summaries-copy");
        assertThat(report.problems()).isEmpty();
        assertThat(report.summaries()).isEqualTo(2 * (3 + 3 + 1 + 1));
        List<FrozenTrial> original = storage.trials(storage.findStudy("summaries").orElseThrow().id(), EnumSet.allOf(TrialState.class));
        List<FrozenTrial> copies = storage.trials(storage.findStudy("summaries-copy").orElseThrow().id(),
                EnumSet.allOf(TrialState.class));
        assertThat(copies).hasSize(2);
        for (int i = 0; i < 2; i++) {
            long from = original.get(i).id();
            long to = copies.get(i).id();
            assertThat(storage.summaryTags(to)).isEqualTo(storage.summaryTags(from));
            for (SummaryTag tag : storage.summaryTags(from)) {
                assertThat(storage.summaries(to, tag.tag())).as(tag.tag()).extracting(LoggedSummary::step, LoggedSummary::value)
                        .isEqualTo(storage.summaries(from, tag.tag()).stream()
                                .map(s -> org.assertj.core.groups.Tuple.tuple(s.step(), s.value())).toList());
            }
        }
    }

    @Test
    void importingTheSameLogdirAgainAddsNothing() throws IOException {
        Path logdir = dir.resolve("again");
        try (EventFileWriter w = EventFileWriter.create(logdir.resolve("run-a"), T0)) {
            w.scalar("loss", 0, T0, 1);
        }
        LogdirImporter importer = new LogdirImporter(storage, "loss", Direction.MINIMIZE);
        importer.importLogdir(logdir, "twice");
        ImportReport second = importer.importLogdir(logdir, "twice");
        assertThat(second.imported()).isEmpty();
        assertThat(second.skipped()).containsExactly("run-a");
        long studyId = storage.findStudy("twice").orElseThrow().id();
        assertThat(storage.trials(studyId, EnumSet.allOf(TrialState.class))).hasSize(1);
    }

    @Test
    void aCorruptRecordIsSkippedAndReportedWhileTheRestIsImported() throws IOException {
        Path logdir = dir.resolve("corrupt");
        Path file;
        try (EventFileWriter w = EventFileWriter.create(logdir.resolve("run"), T0)) {
            for (int step = 1; step <= 3; step++) {
                w.scalar("loss", step, T0, step);
            }
            file = w.file();
        }
        byte[] bytes = Files.readAllBytes(file);
        long recordLength = (bytes.length - 40) / 3;
        bytes[(int) (40 + recordLength + 20)] ^= 0x01;
        Files.write(file, bytes);
        try (var out = Files.newOutputStream(file, java.nio.file.StandardOpenOption.APPEND)) {
            out.write(new byte[] {9, 0, 0});
        }
        ImportReport report = new LogdirImporter(storage, "loss", Direction.MINIMIZE).importLogdir(logdir, "corrupt");
        assertThat(report.scalars()).isEqualTo(2);
        assertThat(report.problems()).hasSize(2);
        assertThat(report.problems().get(0).file()).isEqualTo(file);
        assertThat(report.problems().get(0).offset()).isEqualTo(40 + recordLength);
        assertThat(report.problems().get(1).offset()).isEqualTo(bytes.length);
        assertThat(report.problems().get(1).reason()).contains("truncated");
    }

    @Test
    void aPathThatIsNotALogdirIsRefusedWithItsName() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> new LogdirImporter(storage, "loss", Direction.MINIMIZE).importLogdir(empty, "s"))
                .isInstanceOf(TensorBoardException.class).hasMessageContaining(empty.toString()).hasMessageContaining("no events files");
        assertThatThrownBy(() -> new LogdirImporter(storage, "loss", Direction.MINIMIZE).importLogdir(dir.resolve("missing"), "s"))
                .isInstanceOf(TensorBoardException.class).hasMessageContaining("not a directory");
    }

    @Test
    void exportingIntoALogdirThatHoldsEventsIsRefused() {
        storage.createStudy("s", List.of(Direction.MINIMIZE));
        new StudyExporter(tracker).export("s", dir.resolve("out"));
        assertThatThrownBy(() -> new StudyExporter(tracker).export("s", dir.resolve("out")))
                .isInstanceOf(TensorBoardException.class).hasMessageContaining("already holds");
        assertThatThrownBy(() -> new StudyExporter(tracker).export("nope", dir.resolve("other")))
                .isInstanceOf(TensorBoardException.class).hasMessageContaining("no study named 'nope'");
    }

    @Test
    void anImageArtifactWhoseUriLiesOutsideTheArtifactRootIsNotRead() throws IOException {
        // a database row may name any path: here a storage that keeps artifacts elsewhere stands for it
        InMemoryStorage elsewhere = new InMemoryStorage();
        Study study = Study.builder("outside").storage(elsewhere).seed(1).create();
        Path secret = Files.writeString(dir.resolve("secret.png"), "not for export");
        study.optimize(trial -> {
            trial.logArtifact(ImageArtifacts.name("leak", 1), secret);
            return 0.0;
        }, 1);

        assertThatThrownBy(() -> new StudyExporter(elsewhere, tracker.artifacts()).export("outside", dir.resolve("out")))
                .isInstanceOf(TensorBoardException.class).hasMessageContaining("image.leak.step-1.png")
                .hasMessageContaining("outside the artifact root");
    }

    @Test
    void theExportCarriesTheHParamsExperimentAndSessions() throws IOException {
        Study study = Study.builder("hp").storage(storage).seed(1).create();
        study.optimize(trial -> trial.suggestFloat("x", 0, 1), 2);
        new StudyExporter(tracker).export("hp", dir.resolve("hp"));
        List<String> rootTags = tags(dir.resolve("hp"), 1);
        assertThat(rootTags).contains("_hparams_/experiment");
        List<String> runTags = tags(dir.resolve("hp").resolve("trial-0001"), 1);
        assertThat(runTags).contains("_hparams_/session_start_info", "_hparams_/session_end_info", "objective");
    }

    /** Tags of every value in the events files of {@code dir}, hparams records included. */
    private static List<String> tags(Path dir, int depth) throws IOException {
        List<String> tags = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir, depth)) {
            for (Path f : files.filter(LogdirFiles::isEventsFile).toList()) {
                io.tunelab.tensorboard.record.TfRecordReader.read(f, r -> {
                    try {
                        io.tunelab.tensorboard.proto.Event e = io.tunelab.tensorboard.proto.Event.parseFrom(r.data());
                        e.getSummary().getValueList().forEach(v -> tags.add(v.getTag()));
                    } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
                        throw new AssertionError(ex);
                    }
                }, p -> { });
            }
        }
        return tags;
    }
}
