package io.tunelab.search.trial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetricDirectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"val_accuracy", "epoch_accuracy", "val_acc", "auc", "val_f1", "precision", "recall", "r2",
        "cv_score", "valAccuracy", "sparse_categorical_accuracy"})
    void scoresAreMaximised(String metric) {
        assertThat(MetricDirection.of(metric)).get().extracting(MetricDirection::direction).isEqualTo(Direction.MAXIMIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"epoch_loss", "val_loss", "mean_squared_error", "rmse", "val_mae", "mse", "logloss", "layer2_loss"})
    void lossesAndErrorsAreMinimised(String metric) {
        assertThat(MetricDirection.of(metric)).get().extracting(MetricDirection::direction).isEqualTo(Direction.MINIMIZE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"objective", "intermediate_value", "epoch_time", "loss_score", "neg_mean_squared_error", "accurate"})
    void aNameThatSaysNothingOrBothWaysGivesNoDirection(String metric) {
        assertThat(MetricDirection.of(metric)).isEmpty();
    }
}
