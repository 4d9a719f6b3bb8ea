package io.tunelab.search.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrCurveTest {
    private static final boolean[] LABELS = {true, true, false, true, false};
    private static final double[] SCORES = {0.9, 0.6, 0.7, 0.2, 0.1};

    @Test
    void aSampleIsPredictedPositiveAtEveryThresholdItsScoreReaches() {
        PrCurve curve = PrCurve.of(LABELS, SCORES, 11);
        // threshold 0.5: predicted positive are 0.9 (pos), 0.6 (pos), 0.7 (neg).
        assertThat(curve.truePositives()[5]).isEqualTo(2);
        assertThat(curve.falsePositives()[5]).isEqualTo(1);
        assertThat(curve.trueNegatives()[5]).isEqualTo(1);
        assertThat(curve.falseNegatives()[5]).isEqualTo(1);
        assertThat(curve.precision(5)).isEqualTo(2.0 / 3);
        assertThat(curve.recall(5)).isEqualTo(2.0 / 3);
    }

    @Test
    void atThresholdZeroEverythingIsPositiveAndAboveTheTopScoreNothingIs() {
        PrCurve curve = PrCurve.of(LABELS, SCORES, 11);
        assertThat(curve.recall(0)).isEqualTo(1);
        assertThat(curve.precision(0)).isEqualTo(3.0 / 5);
        assertThat(curve.truePositives()[10] + curve.falsePositives()[10]).isZero();
        assertThat(curve.precision(10)).isZero();
        assertThat(curve.threshold(10)).isEqualTo(1);
    }

    @Test
    void labelsAndScoresOfDifferentLengthsAreRejected() {
        assertThatThrownBy(() -> PrCurve.of(new boolean[2], new double[3]))
                .isInstanceOf(InvalidSummaryException.class).hasMessageContaining("2 labels but 3 scores");
    }
}
