package io.tunelab.trainers.callback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpochMetricsTest {
    private static final double NAN = Double.NaN;

    @Test
    void aRegressorsEpochLogsItsErrorsAndNoAccuracy() {
        EpochMetrics regression = new EpochMetrics(1, 0.5, NAN, 0.6, NAN, 0.01, 2, 100, 2, 0.7, 0.4, 0.8);

        assertThat(regression.asMap()).doesNotContainKeys("accuracy", "val_accuracy")
                .containsKeys("loss", "val_loss", "val_rmse", "val_mae", "val_r2").doesNotContainValue(NAN);
        assertThat(regression.asMap().keySet()).containsExactlyElementsOf(EpochMetrics.loggedNames(true));
    }

    @Test
    void aClassifiersEpochLogsItsAccuraciesAndNoRegressionMetric() {
        EpochMetrics classification = new EpochMetrics(1, 0.5, 0.8, 0.6, 0.75, 0.01, 2, 100, 2);

        assertThat(classification.asMap()).containsEntry("accuracy", 0.8).containsEntry("val_accuracy", 0.75)
                .doesNotContainKeys("val_rmse", "val_mae", "val_r2");
        assertThat(classification.asMap().keySet()).containsExactlyElementsOf(EpochMetrics.loggedNames(false));
    }
}
