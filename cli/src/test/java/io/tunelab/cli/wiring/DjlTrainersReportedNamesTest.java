package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a DJL study file's constraints and later objectives may name: the metrics its task's epochs log. */
class DjlTrainersReportedNamesTest {
    @Test
    void aRegressorReportsItsErrorsAndNoAccuracy() {
        assertThat(new DjlTrainers().reportedNames(RnnStudyFile.of("{dataset: synthetic-series}"))).get()
                .satisfies(names -> assertThat(names).contains("val_rmse", "val_r2", "epochs_run")
                        .doesNotContain("accuracy", "val_accuracy"));
    }

    @Test
    void aClassifierReportsItsAccuraciesAndNoRegressionMetric() {
        assertThat(new DjlTrainers().reportedNames(RnnStudyFile.of("fashion-mnist"))).get()
                .satisfies(names -> assertThat(names).contains("val_accuracy", "epochs_run").doesNotContain("val_rmse"));
    }
}
