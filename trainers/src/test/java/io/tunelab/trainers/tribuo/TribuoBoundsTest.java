package io.tunelab.trainers.tribuo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Trial;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.params.Hyperparameter;
import io.tunelab.trainers.tabular.Task;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every numeric Tribuo parameter admits only what its trainer reads, checked when a trial reads it. */
class TribuoBoundsTest {

    static Stream<Arguments> numericParameters() {
        return TrainerSpecs.all().stream().flatMap(spec -> Stream.of(Task.values()).filter(spec::supports)
                .flatMap(task -> spec.hyperparameters(task).all().stream()
                        .filter(h -> h.kind() == Hyperparameter.Kind.INT || h.kind() == Hyperparameter.Kind.REAL)
                        .map(h -> Arguments.of(spec.name(), task, h))));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("numericParameters")
    void everyNumericParameterHasTheBoundsItsTrainerReadsItWith(String trainer, Task task, Hyperparameter h) {
        assertThat(h.allowed()).as("%s %s", trainer, h.name()).isNotNull();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("cart", "fraction_features", 1.5, "in (0, 1]"),
                Arguments.of("cart", "fraction_features", 0.0, "in (0, 1]"),
                Arguments.of("cart", "min_child_weight", -1, "> 0"),
                Arguments.of("cart", "max_depth", 0, ">= 1"),
                Arguments.of("random_forest", "n_trees", 0, ">= 1"),
                Arguments.of("random_forest", "fraction_features", 1.0, "in (0, 1)"),
                Arguments.of("xgboost", "subsample", 1.5, "in (0, 1]"),
                Arguments.of("xgboost", "colsample", 0.0, "in (0, 1]"),
                Arguments.of("xgboost", "rounds", 0, ">= 1"),
                Arguments.of("xgboost", "eta", 0.0, "> 0"),
                Arguments.of("xgboost", "lambda", -1, ">= 0"),
                Arguments.of("libsvm", "c", -1, "> 0"),
                Arguments.of("libsvm", "degree", 0, ">= 1"),
                Arguments.of("libsvm", "gamma", 0.0, "> 0"),
                Arguments.of("liblinear", "c", 0.0, "> 0"),
                Arguments.of("logistic", "c", -1, "> 0"),
                Arguments.of("linear_sgd", "l2", -1, ">= 0"),
                Arguments.of("linear_sgd", "epochs", 0, ">= 1"),
                Arguments.of("linear_sgd", "learning_rate", 0.0, "> 0"));
    }

    @ParameterizedTest(name = "{0} {1} = {2}")
    @MethodSource("refused")
    void aTrialGivenAValueItsTrainerCannotReadFailsNamingTheParameterTheBoundsAndTheValue(String trainer, String param,
                                                                                          Object value, String bounds) {
        TribuoTrainerSpec spec = TrainerSpecs.byName(trainer).fixed(param, value);
        Trial trial = Study.builder(trainer + "-" + param).create().ask();
        if (param.equals("degree") || param.equals("gamma")) {
            trial.suggestCategorical("kernel", List.of("poly"));
        }

        assertThatThrownBy(() -> spec.classifier(trial)).isInstanceOf(TrainersException.class)
                .hasMessage("parameter '" + param + "' must be " + bounds + ", got " + Hyperparameter.show(value));
    }
}
