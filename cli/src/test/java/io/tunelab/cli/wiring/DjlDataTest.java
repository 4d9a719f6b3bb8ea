package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.OptimizeOptions;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.MetricDirection;
import io.tunelab.search.trial.TrialState;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DJL trainers' image and IDX data sources from study files, and the checks of the data section: the dry run
 * ({@link DjlTrainers#configuration}) refuses what a run would refuse once the data are loaded, with the run's own message.
 */
@Timeout(300)
class DjlDataTest {
    @TempDir
    Path dir;

    private static StudySpec spec(String trainer, String metric, String data, String space) {
        return new StudySpecParser().parse("""
                study: s
                direction: %s
                metric: %s
                sampler: {type: random, seed: 1}
                budget: {trials: 1}
                trainer: %s
                data: %s
                space:
                  %s
                fit: {epochs: 1, batch_size: 16}
                """.formatted(MetricDirection.of(metric).map(d -> d.direction()).orElse(Direction.MAXIMIZE).name()
                        .toLowerCase(java.util.Locale.ROOT), metric, trainer, data, space), "s.yaml");
    }

    private static FrozenTrial runOne(StudySpec spec) {
        Study study = Study.builder("s").storage(new InMemoryStorage()).direction(Direction.MAXIMIZE).create();
        study.optimize(new DjlTrainers().create(spec), OptimizeOptions.trials(1));
        return study.trials(EnumSet.allOf(TrialState.class)).get(0);
    }

    private Path imageFolders() throws IOException {
        return TestImages.darkAndLight(dir);
    }

    @Test
    void aResidualCnnTrainsOnAFolderOfImagesPerClassWithItsTrainingImagesAugmented() throws IOException {
        StudySpec spec = spec("djl-cnn", "val_accuracy",
                "{dataset: images, path: %s, image_size: [8, 8], channels: 1, augment: {flip: true, crop: 2}}"
                        .formatted(imageFolders()),
                "residual: {choice: [true]}\n  global_pool: {choice: [true]}\n  conv_blocks: {int: [1, 2]}");

        FrozenTrial t = runOne(spec);

        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(String.valueOf(t.userAttrs().get("architecture"))).contains("residual");
        assertThat(t.userAttrs().get("augmentation")).isEqualTo(java.util.Map.of("flip", true, "crop", 2));
    }

    @Test
    void badAugmentationIsRefusedNamingTheField() throws IOException {
        String images = "{dataset: images, path: %s, image_size: [8, 8], augment: %s}";
        java.util.Map<String, String> cases = java.util.Map.of(
                "{flip: maybe}", "data.augment.flip: expected true or false, got maybe",
                "{crop: -1}", "data.augment.crop: expected a padding of 0 or more pixels, got -1",
                "{crop: 1.5}", "data.augment.crop: expected a whole number",
                "{rotate: 10}", "data.augment.rotate: unknown option; expected flip or crop",
                "{crop: 8}", "augment.crop 8 must be smaller than the image's height and width, 8x8",
                "true", "data.augment: expected a map");
        Path folders = imageFolders();
        for (var c : cases.entrySet()) {
            StudySpec spec = spec("djl-cnn", "val_accuracy", images.formatted(folders, c.getKey()), "filters: {int: [2, 4]}");
            assertThatThrownBy(() -> new DjlTrainers().create(spec)).as(c.getKey()).isInstanceOf(CliException.class)
                    .hasMessageContaining(c.getValue());
        }
        StudySpec csv = spec("djl-mlp", "val_accuracy", "{dataset: csv, path: x.csv, target: y, augment: {flip: true}}",
                "n_neurons: {int: [8, 16]}");
        assertThatThrownBy(() -> new DjlTrainers().create(csv)).isInstanceOf(CliException.class)
                .hasMessageContaining("data.augment: augmentation applies to dataset images only, not to csv");
    }

    @Test
    void aCsvFileThatIsNotThereIsInvalidInputNamingTheFile() {
        StudySpec spec = spec("djl-mlp", "val_loss", "{dataset: csv, path: %s, target: y, task: regression}"
                .formatted(dir.resolve("nofile.csv")), "n_neurons: {choice: [4]}");

        assertThatThrownBy(() -> new DjlTrainers().create(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.path: no such file " + dir.resolve("nofile.csv") + "; expected a CSV file");
    }

    @Test
    void anMlpTrainsOnAnIdxPair() throws IOException {
        Path images = dir.resolve("images.idx");
        Path labels = dir.resolve("labels.idx");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(images))) {
            out.writeInt(0x0803);
            out.writeInt(120);
            out.writeInt(4);
            out.writeInt(4);
            for (int i = 0; i < 120 * 16; i++) {
                out.writeByte((i / 16) % 2 == 0 ? 10 : 240);
            }
        }
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(labels))) {
            out.writeInt(0x0801);
            out.writeInt(120);
            for (int i = 0; i < 120; i++) {
                out.writeByte(i % 2);
            }
        }
        StudySpec spec = spec("djl-mlp", "val_accuracy",
                "{dataset: idx, images: %s, labels: %s, valid_split: 20, test_split: 20}".formatted(images, labels),
                "optimizer: {choice: [adam]}\n  learning_rate: {float: [0.02, 0.03]}");

        FrozenTrial t = runOne(spec);

        assertThat(t.state()).as(t.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(t.value()).isGreaterThan(0.5);
    }

    @Test
    void anUnknownDataSetIsRefusedNamingTheOnesTheTrainersRead() {
        StudySpec spec = spec("djl-mlp", "val_accuracy", "{dataset: parquet}", "n_neurons: {int: [8, 16]}");

        assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("data.dataset: DJL trainers read fashion-mnist, csv, series, synthetic-series, idx,"
                        + " images, got 'parquet'");
    }

    @Test
    void aDataSetNameWithUnderscoresIsAnsweredWithItsHyphenatedSpelling() {
        StudySpec spec = spec("djl-mlp", "val_accuracy", "{dataset: fashion_mnist}", "n_neurons: {int: [8, 16]}");

        assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("got 'fashion_mnist' (did you mean 'fashion-mnist'?)");
    }

    @Test
    void aCsvTargetOfRealNumbersWithoutATaskIsRefusedAtDataTargetAsTheTribuoTrainersRefuseIt() throws IOException {
        Path csv = TestCsv.regression(dir, 100);
        StudySpec spec = spec("djl-mlp", "val_accuracy", "{dataset: csv, path: %s, target: y}".formatted(csv),
                "n_neurons: {choice: [4]}");

        assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.target: CSV " + csv + " column 'y' holds numbers that are not whole")
                .hasMessageContaining("set data.task: regression");
    }

    @Test
    void aRegressionMetricOnACsvWithoutATaskNamesDataTaskAsTheFix() throws IOException {
        Path csv = TestCsv.regression(dir, 100);
        StudySpec spec = spec("djl-mlp", "rmse", "{dataset: csv, path: %s, target: y}".formatted(csv),
                "n_neurons: {choice: [4]}");

        assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("metric: 'rmse' does not fit classification data")
                .hasMessageContaining("or set data.task: regression if the target is a quantity to predict");
    }

    @Test
    void aRegressionMetricOnClassificationDataIsRefused() {
        StudySpec spec = spec("djl-mlp", "rmse", "{dataset: idx, images: a, labels: b}", "n_neurons: {int: [8, 16]}");

        assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("metric: 'rmse' does not fit classification data")
                .hasMessageNotContaining("data.task");
    }

    @Test
    void aFashionMnistSubsetOfZeroOrLessIsRefusedAtConfigurationNamingTheFieldAndValue() {
        for (int subset : new int[] {0, -5}) {
            StudySpec spec = spec("djl-mlp", "val_accuracy", "{dataset: fashion-mnist, subset: " + subset + "}",
                    "learning_rate: {float: [0.001, 0.01]}");

            assertThatThrownBy(() -> new DjlTrainers().configuration(spec)).isInstanceOf(CliException.class)
                    .hasMessageContaining("data.subset: " + subset + " images cannot train")
                    .hasMessageContaining("expected a whole number of at least 1");
        }
        StudySpec positive = spec("djl-mlp", "val_accuracy", "{dataset: fashion-mnist, subset: 100}",
                "learning_rate: {float: [0.001, 0.01]}");
        new DjlTrainers().configuration(positive);
    }

    private static StudySpec fashionMnist(String data) {
        return spec("djl-mlp", "val_accuracy", "{dataset: fashion-mnist, " + data + "}", "learning_rate: {float: [0.001, 0.01]}");
    }

    @Test
    void aFashionMnistDirThatDoesNotExistIsRefusedNamingTheFieldThePathAndTheWorkingDirectory() {
        StudySpec spec = fashionMnist("dir: /nonexistent, subset: 100");

        for (Runnable stage : new Runnable[] {() -> new DjlTrainers().configuration(spec), () -> DjlData.load(spec, true)}) {
            assertThatThrownBy(stage::run).isInstanceOf(CliException.class)
                    .hasMessageStartingWith("data.dir: no such directory /nonexistent")
                    .hasMessageContaining("working directory " + Path.of("").toAbsolutePath())
                    .hasMessageContaining("train-images-idx3-ubyte.gz");
        }
    }

    @Test
    void aFashionMnistDirHoldingItsFilesItselfOrInItsFashionMnistSubdirectoryIsAccepted() throws IOException {
        Path own = Files.createDirectories(dir.resolve("own"));
        Path parent = Files.createDirectories(dir.resolve("parent/fashion-mnist"));
        for (String name : FASHION_FILES) {
            Files.writeString(own.resolve(name), "");
            Files.writeString(parent.resolve(name.replace(".gz", "")), "");
        }

        new DjlTrainers().configuration(fashionMnist("dir: " + own));
        new DjlTrainers().configuration(fashionMnist("dir: " + parent.getParent()));
    }

    private static final String[] FASHION_FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    @Test
    void aRunSaysInItsOwnWordsWhichCopyOfFashionMnistTrainsAndNothingForDataTheFileNames() throws IOException {
        Path parent = Files.createDirectories(dir.resolve("parent/fashion-mnist"));
        for (String name : FASHION_FILES) {
            Files.writeString(parent.resolve(name), "");
        }

        assertThat(new DjlTrainers().dataSource(fashionMnist("dir: " + parent.getParent())))
                .contains("Data: fashion-mnist from " + parent.toAbsolutePath());
        assertThat(new DjlTrainers().dataSource(spec("djl-mlp", "val_accuracy", "{dataset: csv, path: x.csv, target: y}",
                "learning_rate: {float: [0.001, 0.01]}"))).isEmpty();
    }

    @Test
    void aFashionMnistDirThatExistsWithoutTheDataIsRefusedRatherThanAnotherCopyReadInstead() throws IOException {
        Files.writeString(dir.resolve(FASHION_FILES[0]), "");
        StudySpec spec = fashionMnist("dir: " + dir + ", subset: 100");

        for (Runnable stage : new Runnable[] {() -> new DjlTrainers().configuration(spec), () -> DjlData.load(spec, true)}) {
            assertThatThrownBy(stage::run).isInstanceOf(CliException.class)
                    .hasMessage("data.dir: " + dir + " holds no copy of fashion-mnist: neither it nor " + dir.resolve("fashion-mnist")
                            + " has train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz; expected"
                            + " train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz,"
                            + " t10k-labels-idx1-ubyte.gz (gzipped or not) there, or no data.dir to use the default copy"
                            + " (~/.tunelab/datasets/fashion-mnist or /usr/share/datasets/fashion-mnist, downloaded when there"
                            + " is none)");
        }
    }

    @Test
    void aFashionMnistValidationSplitOfEveryTrainingImageIsRefusedByTheDryRunAsTheRunRefusesIt() {
        assertThatThrownBy(() -> new DjlTrainers().configuration(fashionMnist("valid_split: 70000")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("data.valid_split: fashion-mnist has 60000 training images, so at most 59999 can"
                        + " validate, got 70000");
        new DjlTrainers().configuration(fashionMnist("valid_split: 59999"));
    }

    @Test
    void aSeriesShorterThanItsWindowsIsRefusedByTheDryRunWithTheRunsMessage() throws IOException {
        Path csv = dir.resolve("series.csv");
        StringBuilder rows = new StringBuilder("value\n");
        for (int r = 0; r < 1500; r++) {
            rows.append(r % 7).append('\n');
        }
        Files.writeString(csv, rows);
        StudySpec tooLong = spec("djl-rnn", "val_loss",
                "{dataset: series, path: %s, target: value, n_steps: 3000}".formatted(csv), "learning_rate: {float: [0.001, 0.01]}");

        String expected = "series '" + csv + "' has 1050 rows in its training segment, shorter than n_steps + horizon = 3001";
        assertThatThrownBy(() -> new DjlTrainers().configuration(tooLong)).isInstanceOf(CliException.class)
                .hasMessageContaining(expected);
        assertThatThrownBy(() -> DjlData.load(tooLong, true)).as("the run's own message").isInstanceOf(CliException.class)
                .hasMessageContaining(expected);
        StudySpec fits = spec("djl-rnn", "val_loss",
                "{dataset: series, path: %s, target: value, n_steps: 100}".formatted(csv), "learning_rate: {float: [0.001, 0.01]}");
        assertThat(new DjlTrainers().configuration(fits)).isNotNull();
    }
}
