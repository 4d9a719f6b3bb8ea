package io.tunelab.trainers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

class RegressionReportTest {

    @Test
    void rmseMaeAndR2AreComputedByHand() {
        // errors 0.5, 0, -1, 1: squared mean 0.5625, RMSE 0.75; MAE 2.5 / 4; SS_res 2.25, SS_tot 5.
        RegressionReport r = RegressionReport.of(new double[] {1, 2, 3, 4}, new double[] {1.5, 2, 2, 5});

        assertThat(r.examples()).isEqualTo(4);
        assertThat(r.rmse()).isCloseTo(0.75, within(1e-15));
        assertThat(r.mae()).isCloseTo(0.625, within(1e-15));
        assertThat(r.r2()).isCloseTo(0.55, within(1e-15));
    }

    @Test
    void aFewLargeErrorsLeaveTheRmseIntervalAboveZeroAndAroundTheRmse() {
        double[] truth = new double[50];
        double[] predicted = new double[50];
        for (int i = 0; i < 50; i++) {
            predicted[i] = i == 7 ? 300 : 1;
        }

        RegressionReport r = RegressionReport.of(truth, predicted);

        // the t-interval on the squared errors reaches below zero here: it gave [0, 73.6] around an RMSE of 42.4
        assertThat(r.rmse()).isCloseTo(Math.sqrt((49 + 90_000) / 50.0), within(1e-9));
        assertThat(r.rmseInterval().low()).isGreaterThanOrEqualTo(1.0).isLessThan(r.rmse());
        assertThat(r.rmseInterval().high()).isGreaterThan(r.rmse()).isLessThanOrEqualTo(300);
    }

    @Test
    void theRmseIntervalIsTheSameForTheSamePredictionsAndHoldsTheRmse() {
        double[] truth = {3, -0.5, 2, 7, 4.2, 1.1, 5, 6};
        double[] predicted = {2, 0.5, 3, 8, 3, 2.1, 4, 7.5};

        RegressionReport r = RegressionReport.of(truth, predicted);

        assertThat(r.rmse()).isCloseTo(1.100568035152757, within(1e-12));
        assertThat(r.rmseInterval()).isEqualTo(RegressionReport.of(truth, predicted).rmseInterval());
        assertThat(r.rmseInterval().low()).isGreaterThanOrEqualTo(0.7).isLessThan(r.rmse());
        assertThat(r.rmseInterval().high()).isGreaterThan(r.rmse()).isLessThanOrEqualTo(1.5);
        assertThat(r.rmseInterval().level()).isEqualTo(0.95);
    }

    @Test
    void r2OfAConstantTruthIsOneOnlyForAPerfectFit() {
        assertThat(RegressionReport.of(new double[] {2, 2}, new double[] {2, 2}).r2()).isEqualTo(1.0);
        assertThat(RegressionReport.of(new double[] {2, 2}, new double[] {2, 3}).r2()).isEqualTo(0.0);
    }

    @Test
    void theMapHoldsOnlyJsonCompatibleValues() {
        var map = RegressionReport.of(new double[] {1, 2, 3}, new double[] {1, 2, 4}).toMap();

        assertThat(map).containsKeys("rmse", "rmse_interval", "mae", "r2");
        ClassificationReportTest.assertJsonCompatible(map);
    }

    @Test
    void mismatchedLengthsAreRejected() {
        assertThatThrownBy(() -> RegressionReport.of(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(TrainersException.class).hasMessageContaining("2 values but predictions have 1");
    }
}
