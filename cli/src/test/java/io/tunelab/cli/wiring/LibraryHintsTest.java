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
    void aNameWithoutACounterpartInTheTrainerIsSaidToHaveNoneBeforeTheTrainersParameters() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-cart", "n_estimators: {int: [10, 100]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("space.n_estimators: tribuo-cart (regression) has no parameter 'n_estimators' and no"
                        + " counterpart to scikit-learn's n_estimators (XGBRegressor, RandomForestClassifier); it reads"
                        + " max_depth, min_child_weight, fraction_features")
                .hasMessageNotContaining("Tunelab calls it");
    }

    @Test
    void scikitLearnNamesNoTunelabTrainerSpellsOtherwiseAreSaidToHaveNoCounterpart() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-xgboost", "n_neighbors: {int: [1, 9]},"
                + " kernel: {choice: [rbf]}, gamma: {float: [0.1, 1]}, tol: {float: [0.001, 0.1]}, C: {float: [0.1, 10]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("space.n_neighbors: tribuo-xgboost (regression) has no parameter 'n_neighbors' and no"
                        + " counterpart to scikit-learn's n_neighbors (KNeighborsClassifier); it reads rounds, max_depth, eta")
                .hasMessageContaining("has no parameter 'kernel' and no counterpart to scikit-learn's kernel (SVC's kernel"
                        + " function); it reads ")
                .hasMessageContaining("has no parameter 'gamma' and no counterpart to scikit-learn's gamma (SVC's kernel"
                        + " coefficient; XGBoost's least loss reduction to split); it reads ")
                .hasMessageContaining("has no parameter 'tol' and no counterpart to scikit-learn's tol (the stopping"
                        + " tolerance); it reads ")
                .hasMessageContaining("has no parameter 'C' and no counterpart to scikit-learn's C; it reads ");
    }

    @Test
    void aForestIsSaidToHaveNoCounterpartToSplittingBootstrapOrRowSampling() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec("tribuo-random-forest", "accuracy",
                "{dataset: synthetic-classification, samples: 50}", "min_samples_split: {int: [2, 10]},"
                        + " bootstrap: {choice: [true, false]}, subsample: {float: [0.5, 1]}, colsample_bytree: {float: [0.5, 1]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("has no parameter 'min_samples_split' and no counterpart to scikit-learn's"
                        + " min_samples_split (the least rows of a node to split); it reads n_trees, ")
                .hasMessageContaining("has no parameter 'bootstrap' and no counterpart to scikit-learn's bootstrap"
                        + " (RandomForestClassifier's sampling); it reads ")
                .hasMessageContaining("has no parameter 'subsample' and no counterpart to XGBoost's subsample (the share"
                        + " of rows each tree sees); it reads ")
                .hasMessageContaining("has no parameter 'colsample_bytree' and no counterpart to XGBoost's colsample_bytree;");
    }

    @Test
    void aLinearModelIsSaidToHaveNoCounterpartToAnL1PenaltyElasticNetOrTreeSettings() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-linear-sgd", "l1: {float: [0.001, 1]},"
                + " l1_ratio: {float: [0.1, 0.9]}, min_samples_leaf: {int: [1, 10]}, max_depth: {int: [2, 8]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("space.l1: tribuo-linear-sgd (regression) has no parameter 'l1' and no counterpart to"
                        + " Keras's l1 (an L1 penalty); it reads loss, optimizer, learning_rate, epochs, l2")
                .hasMessageContaining("has no parameter 'l1_ratio' and no counterpart to scikit-learn's l1_ratio (the"
                        + " elastic-net mixing); it reads ")
                .hasMessageContaining("has no parameter 'min_samples_leaf' and no counterpart to scikit-learn's"
                        + " min_samples_leaf; the nearest is the least weight, in rows, of a leaf; it reads ")
                .hasMessageContaining("has no parameter 'max_depth' and no counterpart to scikit-learn's max_depth (a tree's"
                        + " depth); it reads ");
    }

    @Test
    void penaltiesAreAnsweredWithTheTrainersOwnRegularisation() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-linear-sgd",
                "alpha: {float: [0.0001, 0.1]}, lambda: {float: [0.0001, 0.1]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("has no parameter 'alpha' (scikit-learn's name (SGDRegressor's and MLPRegressor's L2"
                        + " penalty)); Tunelab calls it 'l2'")
                .hasMessageContaining("has no parameter 'lambda' (XGBoost's name (an L2 penalty)); Tunelab calls it 'l2'");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-xgboost",
                "l1: {float: [0.0001, 0.1]}, l2: {float: [0.0001, 0.1]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("has no parameter 'l1' (Keras's name (an L1 penalty)); Tunelab calls it 'alpha'")
                .hasMessageContaining("has no parameter 'l2' (Keras's name (an L2 penalty)); Tunelab calls it 'lambda'");
        assertThatThrownBy(() -> new TribuoTrainers().configuration(spec("tribuo-liblinear", "accuracy",
                "{dataset: synthetic-classification, samples: 50}", "penalty: {choice: [l1, l2]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("has no parameter 'penalty' (scikit-learn's name (l1 or l2, which LIBLINEAR's solver"
                        + " names carry: l1r_, l2r_)); Tunelab calls it 'solver'");
    }

    @Test
    void aNameOfNoLibraryKeepsTheDidYouMean() {
        assertThatThrownBy(() -> new TribuoTrainers().configuration(tribuo("tribuo-cart", "max_dept: {int: [2, 8]}")))
                .isInstanceOf(CliException.class)
                .hasMessageContaining("has no parameter 'max_dept' (did you mean 'max_depth'?); it reads ")
                .hasMessageNotContaining("counterpart");
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
