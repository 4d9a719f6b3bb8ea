package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import org.junit.jupiter.api.Test;

/** A scikit-learn, XGBoost or Keras spelling in a space is answered with the trainer's own name for it. */
class LibraryHintsTest {

    /** A study file of one trial of {@code trainer}, its space given as the entries of a YAML flow mapping. */
    private static StudySpec spec(String trainer, String metric, String data, String space) {
        String direction = metric.contains("accuracy") ? "maximize" : "minimize";
        return new StudySpecParser().parse(String.join("\n", "study: s", "direction: " + direction, "metric: " + metric,
                "budget: {trials: 1}", "trainer: " + trainer, "data: " + data, "space: {" + space + "}"), "s.yaml");
    }

    private static StudySpec tribuo(String trainer, String space) {
        return spec(trainer, "rmse", "{dataset: synthetic-regression, samples: 50}", space);
    }

    @Test
    void xgboostsScikitLearnApiNamesAreAnsweredWithRoundsAndEta() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-xgboost",
                "n_estimators: {int: [50, 500]}, learning_rate: {float: [0.01, 0.3], log: true}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("space.n_estimators: tribuo-xgboost (regression) has no parameter 'n_estimators'"
                        + " (scikit-learn's name (XGBRegressor, RandomForestClassifier)); Tunelab calls it 'rounds'; it reads ")
                .hasMessageContaining("space.learning_rate: tribuo-xgboost (regression) has no parameter 'learning_rate'"
                        + " (XGBoost's scikit-learn API name); Tunelab calls it 'eta'; it reads ");
    }

    @Test
    void aRandomForestsScikitLearnNamesAreAnsweredWithItsOwnAndNTreesNotRounds() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec("tribuo-random-forest", "accuracy",
                "{dataset: synthetic-classification, samples: 50}",
                "criterion: {choice: [gini]}, min_samples_leaf: {int: [1, 10]}, n_estimators: {int: [10, 100]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("has no parameter 'criterion' (scikit-learn's name); Tunelab calls it 'impurity'")
                .hasMessageContaining("has no parameter 'min_samples_leaf' (scikit-learn's name; the nearest is the least"
                        + " weight, in rows, of a leaf); Tunelab calls it 'min_child_weight'")
                .hasMessageContaining("has no parameter 'n_estimators' (scikit-learn's name (XGBRegressor,"
                        + " RandomForestClassifier)); Tunelab calls it 'n_trees'");
    }

    @Test
    void aNameWithoutACounterpartInTheTrainerKeepsTheDidYouMean() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-cart", "n_estimators: {int: [10, 100]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("has no parameter 'n_estimators'; it reads ")
                .hasMessageNotContaining("Tunelab calls it");
    }

    @Test
    void kerasLossNamesAreAnsweredWithTheTrainersLoss() {
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp", "val_accuracy", "fashion-mnist",
                "loss: {choice: [sparse_categorical_crossentropy]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("'loss' must be one of cross_entropy, mse, mae; Keras's sparse_categorical_crossentropy"
                        + " is 'cross_entropy'");
        assertThatThrownBy(() -> new DjlTrainers().configuration(spec("djl-mlp", "val_loss",
                "{dataset: synthetic-series}", "loss: {choice: [mean_squared_error, mean_absolute_error]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("Keras's mean_squared_error is 'mse'");
    }
}
