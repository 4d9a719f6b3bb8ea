package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.spec.StudySpec;
import io.tunelab.spec.StudySpecParser;
import org.junit.jupiter.api.Test;

/** What a DJL study file's constraints and later objectives may name: the metrics its task's epochs log. */
class DjlTrainersReportedNamesTest {
    private static StudySpec spec(String data) {
        return new StudySpecParser().parse("""
                study: s
                direction: minimize
                metric: val_loss
                budget: {trials: 1}
                trainer: djl-rnn
                data: %s
                space:
                  learning_rate: {choice: [0.05]}
                """.formatted(data), "s.yaml");
    }

    @Test
    void aRegressorReportsItsErrorsAndNoAccuracy() {
        assertThat(new DjlTrainers().reportedNames(spec("{dataset: synthetic-series}"))).get()
                .satisfies(names -> assertThat(names).contains("val_rmse", "val_r2", "epochs_run")
                        .doesNotContain("accuracy", "val_accuracy"));
    }

    @Test
    void aClassifierReportsItsAccuraciesAndNoRegressionMetric() {
        assertThat(new DjlTrainers().reportedNames(spec("fashion-mnist"))).get()
                .satisfies(names -> assertThat(names).contains("val_accuracy", "epochs_run").doesNotContain("val_rmse"));
    }
}
