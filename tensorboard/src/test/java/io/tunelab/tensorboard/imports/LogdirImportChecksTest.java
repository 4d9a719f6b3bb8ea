package io.tunelab.tensorboard.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.space.CategoricalDistribution;
import io.tunelab.search.space.FloatDistribution;
import io.tunelab.search.space.IntDistribution;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricPoint;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tensorboard.TensorBoardException;
import io.tunelab.tensorboard.event.EventFileWriter;
import io.tunelab.tensorboard.event.HParamsSummaries;
import io.tunelab.tensorboard.proto.SessionStatus;
import io.tunelab.tensorboard.export.ObjectiveTags;
import io.tunelab.tensorboard.export.StudyExporter;
import io.tunelab.tracker.setup.Tracker;
import io.tunelab.tracker.setup.TrackerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link LogdirImporter} refuses before storing anything, and the parameters it brings in from HParams. */
class LogdirImportChecksTest {
    private static final Instant T0 = Instant.parse("2026-05-06T07:08:09Z");

    @TempDir
    Path dir;

    private final InMemoryStorage storage = new InMemoryStorage();

    private Path kerasLogdir() throws IOException {
        Path logdir = dir.resolve("keras");
        try (EventFileWriter train = EventFileWriter.create(logdir.resolve("train"), T0);
                EventFileWriter validation = EventFileWriter.create(logdir.resolve("validation"), T0)) {
            for (int epoch = 0; epoch < 3; epoch++) {
                train.scalar("epoch_loss", epoch, T0, 1.0 / (epoch + 1));
                validation.scalar("epoch_accuracy", epoch, T0, 0.25 * epoch);
            }
        }
        return logdir;
    }

    private List<FrozenTrial> trials(String study) {
        return storage.trials(storage.findStudy(study).orElseThrow().id(), EnumSet.allOf(TrialState.class));
    }

    @Test
    void aNewStudyHasTheDirectionTheImportWasGiven() throws IOException {
        new LogdirImporter(storage, "epoch_accuracy", Direction.MAXIMIZE).importLogdir(kerasLogdir(), "acc");

        assertThat(storage.findStudy("acc").orElseThrow().directions()).containsExactly(Direction.MAXIMIZE);
    }

    @Test
    void anExistingStudyOfTheOtherDirectionIsRefusedAndLeftAsItWas() throws IOException {
        storage.createStudy("losses", List.of(Direction.MINIMIZE));

        assertThatThrownBy(() -> new LogdirImporter(storage, "epoch_accuracy", Direction.MAXIMIZE).importLogdir(kerasLogdir(),
                "losses")).isInstanceOf(TensorBoardException.class)
                .hasMessageContaining("study 'losses' exists and minimizes, but this import maximizes 'epoch_accuracy'")
                .hasMessageContaining("--direction minimize");
        assertThat(trials("losses")).isEmpty();
    }

    @Test
    void aMetricNoRunHasIsRefusedListingTheTagsAndCreatesNothing() throws IOException {
        Path logdir = kerasLogdir();

        assertThatThrownBy(() -> new LogdirImporter(storage, "val_acc", Direction.MAXIMIZE).importLogdir(logdir, "typo"))
                .isInstanceOfSatisfying(UnknownMetricException.class,
                        e -> assertThat(e.scalarTags()).containsExactly("epoch_accuracy", "train/epoch_loss"))
                .hasMessageContaining("--metric 'val_acc'").hasMessageContaining("epoch_accuracy, train/epoch_loss");
        assertThat(storage.findStudy("typo")).isEmpty();
        ImportReport fixed = new LogdirImporter(storage, "epoch_accuracy", Direction.MAXIMIZE).importLogdir(logdir, "typo");
        assertThat(fixed.imported()).containsExactly(".");
    }

    @Test
    void aLogdirNothingCanBeReadFromIsRefusedAndCreatesNoStudy() throws IOException {
        Path run = Files.createDirectories(dir.resolve("bad").resolve("run1"));
        Files.writeString(run.resolve("events.out.tfevents.123.host"), "hello");

        assertThatThrownBy(() -> new LogdirImporter(storage, "loss", Direction.MINIMIZE).importLogdir(dir.resolve("bad"), "s"))
                .isInstanceOf(TensorBoardException.class).hasMessageContaining("nothing could be read")
                .hasMessageContaining("events.out.tfevents.123.host");
        assertThat(storage.findStudy("s")).isEmpty();
    }

    @Test
    void theHParamsOfAnExportComeBackAsParametersWithDistributionsOfTheirType() {
        try (Tracker tracker = Tracker.open(TrackerConfig.inDirectory(dir.resolve("tracker")))) {
            Study.builder("forest").storage(tracker.storage()).seed(4).create().optimize(trial -> {
                int trees = trial.suggestInt("n_trees", 10, 200);
                double rate = trial.suggestFloat("rate", 0.1, 0.9);
                String criterion = trial.suggestCategorical("criterion", List.of("gini", "entropy"));
                trial.log("loss", 0, rate);
                return trees + rate + criterion.length();
            }, 4);
            new StudyExporter(tracker).export("forest", dir.resolve("tb"));
            new LogdirImporter(tracker.storage(), ObjectiveTags.OBJECTIVE_TAG, Direction.MINIMIZE).importLogdir(dir.resolve("tb"),
                    "copy");

            List<FrozenTrial> original = tracker.storage().trials(tracker.storage().findStudy("forest").orElseThrow().id(),
                    EnumSet.allOf(TrialState.class));
            List<FrozenTrial> copies = tracker.storage().trials(tracker.storage().findStudy("copy").orElseThrow().id(),
                    EnumSet.allOf(TrialState.class));
            assertThat(copies).hasSize(4);
            for (int i = 0; i < 4; i++) {
                assertThat(copies.get(i).params()).isEqualTo(original.get(i).params());
                assertThat(copies.get(i).distributions().get("n_trees")).isInstanceOf(IntDistribution.class);
                assertThat(copies.get(i).distributions().get("rate")).isInstanceOf(FloatDistribution.class);
                assertThat(copies.get(i).distributions().get("criterion")).isInstanceOf(CategoricalDistribution.class);
            }
        }
    }

    @Test
    void kerasRunsTakeTheHParamsWrittenToTheirParentDirectoryAndTheParentIsNoTrial() throws IOException {
        Path logdir = dir.resolve("logs");
        for (int run = 0; run < 2; run++) {
            Path session = logdir.resolve("run-" + run);
            try (EventFileWriter hparams = EventFileWriter.create(session, T0);
                    EventFileWriter train = EventFileWriter.create(session.resolve("train"), T0)) {
                hparams.write(0, T0, HParamsSummaries.sessionStart(Map.of("units", 32.0 * (run + 1), "optimizer",
                        run == 0 ? "adam" : "sgd"), "", T0));
                train.scalar("epoch_loss", 0, T0, 1.0 + run);
                // as hp.KerasCallback ends its session when fit ends
                hparams.write(0, T0, HParamsSummaries.sessionEnd(SessionStatus.STATUS_SUCCESS, T0.plusSeconds(1)));
            }
        }

        ImportReport report = new LogdirImporter(storage, "epoch_loss", Direction.MINIMIZE).importLogdir(logdir, "keras");

        assertThat(report.imported()).containsExactly("run-0", "run-1");
        assertThat(trials("keras")).extracting(FrozenTrial::values).containsExactly(List.of(1.0), List.of(2.0));
        assertThat(trials("keras")).extracting(FrozenTrial::params).containsExactly(
                Map.of("units", 32, "optimizer", "adam"), Map.of("units", 64, "optimizer", "sgd"));
        assertThat(trials("keras").get(0).distributions()).containsEntry("units", IntDistribution.uniform(32, 64))
                .containsEntry("optimizer", CategoricalDistribution.of("adam", "sgd"));
    }

    @Test
    void aRunWhoseSessionNeverEndedAndThatIsNoLongerWrittenIsImported() throws IOException {
        Path run = dir.resolve("tutorial/run-0");
        try (EventFileWriter w = EventFileWriter.create(run, T0)) {
            // TensorFlow's HParams tutorial: hp.hparams(...) writes a session start and nothing ends it
            w.write(0, T0, HParamsSummaries.sessionStart(Map.of("dropout", 0.1), "", T0));
            w.scalar("accuracy", 1, T0.plusSeconds(30), 0.75);
        }
        try (var files = Files.list(run)) {
            for (Path f : files.toList()) {
                Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.from(
                        java.time.Instant.now().minus(LogdirImporter.STILL_WRITING).minusSeconds(1)));
            }
        }

        ImportReport report = new LogdirImporter(storage, "accuracy", Direction.MAXIMIZE).importLogdir(dir.resolve("tutorial"), "hp");

        assertThat(report.imported()).containsExactly("run-0");
        assertThat(trials("hp")).singleElement().satisfies(t -> {
            assertThat(t.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(t.values()).containsExactly(0.75);
            assertThat(java.time.Duration.between(t.start(), t.end())).isEqualTo(java.time.Duration.ofSeconds(30));
        });
    }

    @Test
    void withBestTheValueIsTheBestPointOfTheMetricAsEarlyStoppingRestoresIt() throws IOException {
        Path logdir = dir.resolve("early");
        try (EventFileWriter w = EventFileWriter.create(logdir.resolve("validation"), T0)) {
            double[] losses = {0.9, 0.5, 0.75, 0.625};
            for (int epoch = 0; epoch < losses.length; epoch++) {
                w.scalar("epoch_loss", epoch, T0.plusSeconds(epoch), losses[epoch]);
            }
        }

        new LogdirImporter(storage, "epoch_loss", RunValue.BEST, (m, existing, said) -> Direction.MINIMIZE).importLogdir(logdir, "best");
        new LogdirImporter(storage, "epoch_loss", Direction.MINIMIZE).importLogdir(logdir, "last");

        assertThat(trials("best")).singleElement().satisfies(t -> assertThat(t.values()).containsExactly(0.5));
        assertThat(trials("last")).singleElement().satisfies(t -> assertThat(t.values()).containsExactly(0.625));
    }

    @Test
    void withoutAMetricALogdirWithTunelabsObjectiveTagTakesItAndAKerasLogdirItsLoss() throws IOException {
        Path tunelab = dir.resolve("tunelab/trial-0000");
        try (EventFileWriter w = EventFileWriter.create(tunelab, T0)) {
            w.scalar("val_accuracy", 0, T0, 0.5);
            w.scalar(ObjectiveTags.OBJECTIVE_TAG, 0, T0, 0.75);
        }
        List<String> asked = new java.util.ArrayList<>();
        LogdirImporter.DirectionChoice choice = (metric, existing, said) -> {
            asked.add(metric);
            return Direction.MAXIMIZE;
        };

        new LogdirImporter(storage, null, RunValue.LAST, choice).importLogdir(dir.resolve("tunelab"), "own");
        try (EventFileWriter w = EventFileWriter.create(dir.resolve("fit/validation"), T0)) {
            w.scalar(LogdirImporter.KERAS_METRIC, 0, T0, 0.5);
        }
        new LogdirImporter(storage, null, RunValue.LAST, choice).importLogdir(dir.resolve("fit"), "keras");

        assertThat(asked).containsExactly(ObjectiveTags.OBJECTIVE_TAG, LogdirImporter.KERAS_METRIC);
        assertThat(trials("own")).singleElement().satisfies(t -> assertThat(t.values()).containsExactly(0.75));
    }

    /** A logdir as Keras's TensorBoard callback writes it for {@code runs} fits with validation data. */
    private Path kerasRuns(int runs) throws IOException {
        Path logdir = dir.resolve("keras-runs");
        for (int run = 0; run < runs; run++) {
            try (EventFileWriter train = EventFileWriter.create(logdir.resolve("run_" + run).resolve("train"), T0);
                    EventFileWriter validation = EventFileWriter.create(logdir.resolve("run_" + run).resolve("validation"), T0)) {
                for (int epoch = 0; epoch < 3; epoch++) {
                    // training accuracy runs ahead of validation accuracy: the best "trial" must not be a training curve
                    train.scalar("epoch_accuracy", epoch, T0, 0.9 + 0.03 * epoch + 0.001 * run);
                    train.scalar("epoch_loss", epoch, T0, 0.5 - 0.1 * epoch);
                    validation.scalar("epoch_accuracy", epoch, T0, 0.5 + 0.1 * epoch + 0.01 * run);
                    validation.scalar("epoch_loss", epoch, T0, 0.9 - 0.1 * epoch);
                }
            }
        }
        return logdir;
    }

    @Test
    void aKerasRunIsOneTrialValuedByItsValidationCurveWithItsTrainCurvesBesideIt() throws IOException {
        Path logdir = kerasRuns(2);

        ImportReport report = new LogdirImporter(storage, "epoch_accuracy", Direction.MAXIMIZE).importLogdir(logdir, "k");

        assertThat(report.imported()).containsExactly("run_0", "run_1");
        List<FrozenTrial> trials = trials("k");
        assertThat(trials).hasSize(2).allSatisfy(t -> assertThat(t.state()).isEqualTo(TrialState.COMPLETE));
        assertThat(trials.get(0).values().get(0)).isCloseTo(0.7, within(1e-6));
        assertThat(trials.get(1).values().get(0)).isCloseTo(0.71, within(1e-6));
        assertThat(trials.get(1).systemAttrs()).containsEntry(LogdirImporter.RUN_ATTR, "run_1")
                .containsEntry(LogdirImporter.SOURCE_ATTR, logdir.resolve("run_1").toAbsolutePath().normalize().toString());
        long id = trials.get(0).id();
        assertThat(storage.metrics(id, "epoch_accuracy")).extracting(MetricPoint::value)
                .satisfiesExactly(v -> assertThat(v).isCloseTo(0.5, within(1e-6)), v -> assertThat(v).isCloseTo(0.6, within(1e-6)),
                        v -> assertThat(v).isCloseTo(0.7, within(1e-6)));
        assertThat(storage.metrics(id, "train/epoch_accuracy")).hasSize(3);
        assertThat(storage.metrics(id, "train/epoch_loss")).hasSize(3);
        assertThat(storage.metrics(id, "epoch_loss")).hasSize(3);
    }

    @Test
    void importingAKerasLogdirAgainAddsNothing() throws IOException {
        Path logdir = kerasRuns(2);
        new LogdirImporter(storage, "epoch_accuracy", Direction.MAXIMIZE).importLogdir(logdir, "k");

        ImportReport again = new LogdirImporter(storage, "epoch_accuracy", Direction.MAXIMIZE).importLogdir(logdir, "k");

        assertThat(again.imported()).isEmpty();
        assertThat(again.skipped()).containsExactly("run_0", "run_1");
        assertThat(trials("k")).hasSize(2);
    }

    @Test
    void aPlainLogdirKeepsOneTrialPerRunDirectory() throws IOException {
        Path logdir = dir.resolve("plain");
        for (String run : List.of("a", "b/c", "b/d")) {
            try (EventFileWriter w = EventFileWriter.create(logdir.resolve(run), T0)) {
                w.scalar("loss", 0, T0, run.length());
            }
        }

        ImportReport report = new LogdirImporter(storage, "loss", Direction.MINIMIZE).importLogdir(logdir, "plain");

        assertThat(report.imported()).containsExactly("a", "b/c", "b/d");
        assertThat(storage.metrics(trials("plain").get(0).id(), "loss")).hasSize(1);
    }

    @Test
    void theLogdirIsReadOnceSoWhatIsStoredIsWhatWasChecked() throws IOException {
        Path logdir = kerasLogdir();
        // the direction is chosen after the logdir was checked and before anything is stored: a second read would
        // find the events files empty and import nothing
        ImportReport report = new LogdirImporter(storage, "epoch_accuracy", RunValue.LAST, (metric, existing, said) -> {
            try (var files = Files.walk(logdir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.write(f, new byte[0]);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return Direction.MAXIMIZE;
        }).importLogdir(logdir, "once");

        assertThat(report.imported()).containsExactly(".");
        assertThat(report.scalars()).isEqualTo(6);
        assertThat(trials("once")).singleElement().satisfies(t -> assertThat(t.values()).containsExactly(0.5));
    }
}
