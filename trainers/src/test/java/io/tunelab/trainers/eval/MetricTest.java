package io.tunelab.trainers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.trial.Direction;
import io.tunelab.trainers.TrainersException;
import io.tunelab.trainers.tabular.Task;
import org.junit.jupiter.api.Test;

class MetricTest {

    @Test
    void errorsAreMinimisedAndScoresMaximised() {
        assertThat(Metric.RMSE.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(Metric.MAE.direction()).isEqualTo(Direction.MINIMIZE);
        assertThat(Metric.ACCURACY.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(Metric.R2.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(Metric.defaultFor(Task.REGRESSION)).isEqualTo(Metric.RMSE);
        assertThat(Metric.defaultFor(Task.CLASSIFICATION)).isEqualTo(Metric.ACCURACY);
    }

    @Test
    void scoresAgreeWithTheReports() {
        int[] truth = {0, 0, 0, 1, 1, 2};
        int[] predicted = {0, 0, 1, 1, 2, 2};
        ClassificationReport report = ClassificationReport.of(truth, predicted, 3);

        assertThat(Metric.ACCURACY.score(truth, predicted, 3)).isEqualTo(report.accuracy());
        assertThat(Metric.MACRO_F1.score(truth, predicted, 3)).isCloseTo(report.macroF1(), within(1e-15));
        double[] t = {1, 2, 3, 4};
        double[] p = {1.5, 2, 2, 5};
        assertThat(Metric.RMSE.score(t, p)).isEqualTo(0.75);
        assertThat(Metric.MAE.score(t, p)).isEqualTo(0.625);
        assertThat(Metric.R2.score(t, p)).isCloseTo(0.55, within(1e-15));
    }

    @Test
    void aMetricRefusesTheOtherTasksPredictions() {
        assertThatThrownBy(() -> Metric.RMSE.score(new int[] {0}, new int[] {0}, 1))
                .isInstanceOf(TrainersException.class).hasMessageContaining("RMSE");
        assertThatThrownBy(() -> Metric.ACCURACY.score(new double[] {0}, new double[] {0}))
                .isInstanceOf(TrainersException.class).hasMessageContaining("ACCURACY");
        assertThatThrownBy(() -> Scores.rmse(new double[0], new double[0]))
                .isInstanceOf(TrainersException.class).hasMessageContaining("empty");
    }
}
