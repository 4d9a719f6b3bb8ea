package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The dry run refuses a Tribuo range with an end its trainer cannot read, as a trial reading that end would. */
class TribuoBoundsDryRunTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            tribuo-cart          | fraction_features: {float: [0.0, 1.5]} | 'fraction_features' must be in (0, 1]
            tribuo-cart          | min_child_weight: {float: [-1, 3]}     | 'min_child_weight' must be > 0
            tribuo-cart          | max_depth: {int: [0, 4]}               | 'max_depth' must be >= 1
            tribuo-xgboost       | subsample: {float: [0.0, 1.5]}         | 'subsample' must be in (0, 1]
            tribuo-libsvm        | c: {float: [-1, 1]}                    | 'c' must be > 0
            tribuo-linear-sgd    | l2: {float: [-1, 1]}                   | 'l2' must be >= 0
            tribuo-linear-sgd    | epochs: {int: [0, 5]}                  | 'epochs' must be >= 1
            tribuo-random-forest | n_trees: {int: [0, 5]}                 | 'n_trees' must be >= 1
            """)
    void aRangeEndTheTrainerCannotReadIsRefusedNamingTheParameterAndItsBounds(String trainer, String range, String bounds) {
        StudySpec spec = new StudySpecParser().parse("""
                study: bounds
                direction: maximize
                metric: accuracy
                budget: {trials: 1}
                trainer: %s
                data: {dataset: synthetic-classification, samples: 200, classes: 2, seed: 1}
                space:
                  %s
                """.formatted(trainer, range), "bounds.yaml");
        String name = range.substring(0, range.indexOf(':'));

        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageStartingWith("space." + name + ": " + trainer + " (classification) cannot read ")
                .hasMessageEndingWith(": " + bounds);
    }
}
