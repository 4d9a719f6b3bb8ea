package io.tunelab.trainers.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Expected values are scipy.stats.t.interval(level, n - 1, loc=mean, scale=stats.sem(x)). */
class ConfidenceIntervalTest {

    @Test
    void matchesScipysTInterval() {
        ConfidenceInterval ci = ConfidenceInterval.tInterval(new double[] {1, 2, 3, 4, 5}, 0.95);

        assertThat(ci.low()).isCloseTo(1.0367568385224428, within(1e-11));
        assertThat(ci.high()).isCloseTo(4.963243161477557, within(1e-11));
        assertThat(ci.level()).isEqualTo(0.95);
    }

    @Test
    void aLowerLevelGivesANarrowerInterval() {
        ConfidenceInterval ci = ConfidenceInterval.tInterval(new double[] {1, 2, 3, 4, 5}, 0.90);

        assertThat(ci.low()).isCloseTo(1.4925566809376762, within(1e-11));
        assertThat(ci.high()).isCloseTo(4.507443319062323, within(1e-11));
    }

    @Test
    void identicalSamplesGiveAPointInterval() {
        ConfidenceInterval ci = ConfidenceInterval.tInterval(new double[] {0.5, 0.5, 0.5}, 0.95);

        assertThat(ci.low()).isEqualTo(0.5);
        assertThat(ci.high()).isEqualTo(0.5);
    }

    @Test
    void clipAndSqrtTransformTheBounds() {
        ConfidenceInterval ci = new ConfidenceInterval(-0.25, 1.44, 0.95);

        assertThat(ci.clip(0, 1)).isEqualTo(new ConfidenceInterval(0, 1, 0.95));
        assertThat(ci.sqrt()).isEqualTo(new ConfidenceInterval(0, 1.2, 0.95));
    }

    @Test
    void tooFewOrNonFiniteSamplesAreRejected() {
        assertThatThrownBy(() -> ConfidenceInterval.tInterval(new double[] {1}, 0.95))
                .isInstanceOf(TrainersException.class).hasMessageContaining("at least 2 samples, got 1");
        assertThatThrownBy(() -> ConfidenceInterval.tInterval(new double[] {1, Double.NaN}, 0.95))
                .isInstanceOf(TrainersException.class).hasMessageContaining("NaN");
        assertThatThrownBy(() -> ConfidenceInterval.tInterval(new double[] {1, 2}, 1.0))
                .isInstanceOf(TrainersException.class).hasMessageContaining("got 1.0");
    }

    @Test
    void theBootstrapIntervalOfNormalSamplesIsCloseToTheTIntervalAndRepeatsForItsSeed() {
        Random random = new Random(5);
        double[] samples = new double[1000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 10 + 2 * random.nextGaussian();
        }

        ConfidenceInterval boot = ConfidenceInterval.bootstrapMean(samples, 0.95, 1, 2000);
        ConfidenceInterval t = ConfidenceInterval.tInterval(samples, 0.95);

        assertThat(boot.low()).isCloseTo(t.low(), within(0.03));
        assertThat(boot.high()).isCloseTo(t.high(), within(0.03));
        assertThat(ConfidenceInterval.bootstrapMean(samples, 0.95, 1, 2000)).isEqualTo(boot);
    }

    @Test
    void theBootstrapIntervalStaysWithinTheSamplesRange() {
        ConfidenceInterval boot = ConfidenceInterval.bootstrapMean(new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 100}, 0.95, 3,
                500);

        assertThat(boot.low()).isGreaterThanOrEqualTo(0);
        assertThat(boot.high()).isLessThanOrEqualTo(100).isGreaterThan(10);
        assertThatThrownBy(() -> ConfidenceInterval.bootstrapMean(new double[] {1, 2}, 0.95, 3, 10))
                .isInstanceOf(TrainersException.class).hasMessage("a bootstrap interval needs at least 100 resamples, got 10");
    }
}
