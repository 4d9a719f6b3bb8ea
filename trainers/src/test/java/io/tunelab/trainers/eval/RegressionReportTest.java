package io.tunelab.trainers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import org.junit.jupiter.api.Test;

/** Intervals checked against np.sqrt(stats.t.interval(0.95, n - 1, loc=sq.mean(), scale=stats.sem(sq))). */
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
    void aNegativeLowerBoundOfTheSquaredErrorIntervalBecomesZero() {
        RegressionReport r = RegressionReport.of(new double[] {1, 2, 3, 4}, new double[] {1.5, 2, 2, 5});

        // scipy on the squared errors: (-0.25759764153383713, 1.3825976415338372); numpy gives nan for the low sqrt.
        assertThat(r.rmseInterval().low()).isZero();
        assertThat(r.rmseInterval().high()).isCloseTo(Math.sqrt(1.3825976415338372), within(1e-12));
    }

    @Test
    void rmseIntervalMatchesTheBooksFormula() {
        double[] truth = {3, -0.5, 2, 7, 4.2, 1.1, 5, 6};
        double[] predicted = {2, 0.5, 3, 8, 3, 2.1, 4, 7.5};

        RegressionReport r = RegressionReport.of(truth, predicted);

        assertThat(r.rmse()).isCloseTo(1.100568035152757, within(1e-12));
        assertThat(r.rmseInterval().low()).isCloseTo(0.91514586, within(1e-8));
        assertThat(r.rmseInterval().high()).isCloseTo(1.25897103, within(1e-8));
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
