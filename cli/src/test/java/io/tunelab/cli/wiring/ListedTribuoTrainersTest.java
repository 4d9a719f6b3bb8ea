package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.spec.SpecCatalog;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each listed tribuo-* trainer trains one trial of a study file on a tiny synthetic data set. */
class ListedTribuoTrainersTest {

    static Stream<String> tribuoTrainers() {
        return ListedTrainers.named("tribuo-").stream();
    }

    @Test
    void everyListedTrainerIsTribuoOrDjl() {
        assertThat(SpecCatalog.defaults().trainers()).allMatch(n -> n.startsWith("tribuo-") || n.startsWith("djl-"))
                .contains("tribuo-logistic");
    }

    @Test
    void logisticRegressionRefusesARegressionDataSetBeforeAnyTrial() {
        StudySpec spec = new StudySpecParser().parse("""
                study: reg
                budget: {trials: 1}
                direction: minimize
                metric: rmse
                trainer: tribuo-logistic
                data: {dataset: synthetic-regression, samples: 50, seed: 1}
                space:
                  c: {float: [0.1, 10], log: true}
                """, "reg.yaml");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec)).isInstanceOf(CliException.class)
                .hasMessageContaining("tribuo-logistic only classifies").hasMessageContaining("regression");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tribuoTrainers")
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void runsOneTrial(String trainer) {
        FrozenTrial trial = ListedTrainers.oneTrial(trainer, """
                metric: accuracy
                data: {dataset: synthetic-classification, samples: 90, classes: 2, seed: 3, folds: 2}
                space:
                  include: defaults
                """);
        assertThat(trial.value()).isBetween(0.0, 1.0);
    }
}
