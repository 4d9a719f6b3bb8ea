package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OptionNamesTest {

    /** A study file of {@code trainer} on {@code data} that searches one {@code parameter} (a space entry). */
    private static StudySpec spec(String trainer, String data, String parameter) {
        return new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                budget: {trials: 2}
                trainer: %s
                data: %s
                space:
                  %s
                """.formatted(trainer, data, parameter), "s.yaml");
    }

    private static StudySpec forest(String trainer, String data) {
        return spec(trainer, data, "n_trees: {int: [10, 50]}");
    }

    private static StudySpec mlp(String trainer, String data) {
        return spec(trainer, data, "learning_rate: {reciprocal: [1e-4, 1e-1]}");
    }

    private static StudySpec mlp(String data) {
        return mlp("djl-mlp", data);
    }

    @Test
    void aMisspeltDataOptionIsRefusedWithTheClosestNameInsteadOfIgnored() {
        StudySpec spec = forest("tribuo-random-forest", "{dataset: synthetic-classification, sampels: 300}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessage("data.sampels: Tribuo's synthetic-classification has no option 'sampels' (did you mean"
                        + " 'samples'?); it reads samples, classes, seed, valid_split, test_split, folds");
    }

    @Test
    void foldsAndAHoldOutTogetherAreRefusedBecauseOneWouldBeIgnored() {
        StudySpec spec = forest("tribuo-random-forest", "{dataset: synthetic-classification, valid_split: 0.2, folds: 5}");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("data.folds: validation is either").hasMessageContaining("folds=5 and valid_split=0.2");
    }

    @Test
    void aSyntheticTableTheGeneratorCannotMakeIsRefusedBeforeAnyTrialRuns() {
        Map<String, String> cases = Map.of(
                "{dataset: synthetic-classification, classes: 1}", "data.classes: expected a whole number from 2 to 16, got 1",
                "{dataset: synthetic-classification, classes: 17}", "data.classes: expected a whole number from 2 to 16, got 17",
                "{dataset: synthetic-regression, samples: 0}", "data.samples: expected a whole number >= 1, got 0",
                "{dataset: synthetic-regression, noise: -1}", "data.noise: expected a standard deviation >= 0, got -1",
                "{dataset: synthetic-classification, folds: 1}", "data.folds: expected a whole number >= 2, got 1");
        cases.forEach((data, message) -> assertThatThrownBy(() -> new TribuoTrainers().configuration(
                forest("tribuo-random-forest", data))).as(data).isInstanceOf(CliException.class)
                // the first problem; a regression table is also refused at the classification metric
                .satisfies(e -> assertThat(e.getMessage().lines().findFirst()).contains(message)));
    }

    @Test
    void epochWiseFitOptionsAreRefusedForATribuoTrainerThatWouldIgnoreThem() {
        StudySpec spec = new StudySpecParser().parse("""
                study: s
                direction: maximize
                metric: val_accuracy
                budget: {trials: 2}
                trainer: tribuo-random-forest
                data: synthetic-classification
                space:
                  n_trees: {int: [10, 50]}
                fit: {early_stopping: {patience: 2}, tensorboard_dir: tb}
                """, "s.yaml");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("fit.early_stopping: tribuo-random-forest trains no epochs, so it would ignore"
                        + " early_stopping; only the DJL trainers read epochs, batch_size, early_stopping");
    }

    @Test
    void aHyperparameterInTheTrainerSectionIsRefusedWithHowToFixItInTheSpace() {
        StudySpec spec = forest("{name: tribuo-random-forest, max_depth: 4}", "synthetic-classification");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessage("trainer.max_depth: the trainer section takes only the trainer's name; to fix max_depth in"
                        + " every trial, give it one value in the space: max_depth: {choice: [4]}");
    }

    @Test
    void anyOtherOptionInTheTrainerSectionIsRefusedForEveryTrainerFamily() {
        StudySpec forest = forest("{name: tribuo-random-forest, threads: 1}", "synthetic-classification");
        StudySpec mlp = mlp("{name: djl-mlp, n_tress: 3}", "fashion-mnist");

        assertThatThrownBy(() -> new TribuoTrainers().configuration(forest)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("trainer.threads: tribuo-random-forest takes no options besides its name");
        assertThatThrownBy(() -> new DjlTrainers().configuration(mlp)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("trainer.n_tress: djl-mlp takes no options besides its name");
    }

    @Test
    void fashionMnistTakesItsOwnOptionsAndNoneOfAnotherDataSet() {
        assertThat(new DjlTrainers().configuration(mlp("{dataset: fashion-mnist, valid_split: 10000, subset: 500}")))
                .isNotNull();
        assertThatThrownBy(() -> new DjlTrainers().configuration(mlp("{dataset: fashion-mnist, test_split: 0.1}")))
                .isInstanceOf(CliException.class)
                .hasMessage("data.test_split: DJL's fashion-mnist has no option 'test_split'; it reads dir, subset, valid_split");
    }

    @Test
    void everyShippedStudyFilePassesTheChecks() throws IOException {
        Path dir = Path.of("..", "examples");
        Path demo = Path.of("src", "main", "resources", "io", "tunelab", "cli", "demo", "fashion-demo.yaml");
        try (Stream<Path> files = Files.list(dir)) {
            Stream.concat(files.filter(f -> f.toString().endsWith(".yaml")), Stream.of(demo)).forEach(f -> {
                StudySpec spec = new StudySpecParser().parse(f);
                TrainerFactory factory = spec.trainer().name().startsWith("djl-") ? new DjlTrainers() : new TribuoTrainers();
                assertThat(factory.configuration(spec)).as("%s", f).isNotNull();
            });
        }
    }
}
