package io.tunelab.trainers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiecewiseEpochsTest {
    private static PiecewiseEpochs of(Object boundaries, Object values) {
        return PiecewiseEpochs.of(boundaries, values, "b", "v");
    }

    @Test
    void theBooksScheduleKeepsEachValueFromItsBoundaryOn() {
        PiecewiseEpochs schedule = of(List.of(5, 15), List.of(0.01, 0.005, 0.001));

        assertThat(List.of(0L, 4L, 5L, 14L, 15L, 30L)).map(schedule::rateOfEpoch)
                .containsExactly(0.01, 0.01, 0.005, 0.005, 0.001, 0.001);
        LearningRateSchedule steps = schedule.inSteps(100);
        assertThat(steps.rate(499)).isEqualTo(0.01);
        assertThat(steps.rate(500)).isEqualTo(0.005);
        assertThat(steps.rate(1500)).isEqualTo(0.001);
    }

    @Test
    void valuesMustBeOneMoreThanTheBoundaries() {
        assertThatThrownBy(() -> of(List.of(5, 15), List.of(0.01, 0.005))).isInstanceOf(TrainersException.class)
                .hasMessage("v: 2 values for the 2 boundaries [5, 15]; expected 3, one more than the boundaries (values[0]"
                        + " before the first boundary, values[i] from boundaries[i-1] on)");
    }

    @Test
    void boundariesMustBeWholePositiveAndStrictlyIncreasingEpochs() {
        assertThatThrownBy(() -> of(List.of(15, 5), List.of(0.1, 0.2, 0.3))).isInstanceOf(TrainersException.class)
                .hasMessage("b: expected strictly increasing epochs, got [15, 5] (5 after 15)");
        assertThatThrownBy(() -> of(List.of(5, 5), List.of(0.1, 0.2, 0.3))).hasMessageContaining("(5 after 5)");
        assertThatThrownBy(() -> of(List.of(0, 5), List.of(0.1, 0.2, 0.3)))
                .hasMessage("b[0]: expected a whole number of epochs >= 1 (the epoch from which the next value applies), got 0");
        assertThatThrownBy(() -> of(List.of(2.5), List.of(0.1, 0.2))).hasMessageEndingWith("got 2.5");
        assertThatThrownBy(() -> of(5, List.of(0.1, 0.2)))
                .hasMessage("b: expected a list of numbers such as [5, 15], got 5");
    }

    @Test
    void valuesMustBePositiveLearningRates() {
        assertThatThrownBy(() -> of(List.of(5), List.of(0.1, 0.0)))
                .hasMessage("v[1]: expected a positive finite learning rate, got 0.0");
        assertThatThrownBy(() -> of(List.of(5), List.of(0.1, "low"))).hasMessageEndingWith("got low");
    }
}
