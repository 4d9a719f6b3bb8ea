package io.tunelab.trainers.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.trial.Direction;
import io.tunelab.trainers.TrainersException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {
    private static final double EPS = 1e-12;

    @Test
    void constantNeverChanges() {
        LearningRateSchedule s = LearningRateSchedule.constant(0.01);
        assertThat(s.rate(0)).isEqualTo(0.01);
        assertThat(s.rate(1_000_000)).isEqualTo(0.01);
    }

    @Test
    void powerSchedulingHalvesTheRateAfterSStepsWhenThePowerIsOne() {
        LearningRateSchedule s = LearningRateSchedule.power(0.01, 100, 1);
        assertThat(s.rate(0)).isEqualTo(0.01);
        assertThat(s.rate(100)).isCloseTo(0.005, within(EPS));
        assertThat(s.rate(300)).isCloseTo(0.0025, within(EPS));
    }

    @Test
    void exponentialSchedulingDividesByTenEverySSteps() {
        LearningRateSchedule s = LearningRateSchedule.exponential(0.01, 20, 0.1);
        assertThat(s.rate(20)).isCloseTo(0.001, within(EPS));
        assertThat(s.rate(40)).isCloseTo(0.0001, within(EPS));
        assertThat(s.rate(10)).isCloseTo(0.01 / Math.sqrt(10), within(EPS));
    }

    @Test
    void piecewiseSwitchesRateAtEachBoundary() {
        LearningRateSchedule s = LearningRateSchedule.piecewise(new long[] {5, 15}, new double[] {0.01, 0.005, 0.001});
        assertThat(new double[] {s.rate(0), s.rate(4), s.rate(5), s.rate(14), s.rate(15), s.rate(99)})
                .containsExactly(0.01, 0.01, 0.005, 0.005, 0.001, 0.001);
    }

    @Test
    void piecewiseRejectsBoundariesOutOfOrder() {
        assertThatThrownBy(() -> LearningRateSchedule.piecewise(new long[] {10, 5}, new double[] {1, 2, 3}))
                .isInstanceOf(TrainersException.class).hasMessageContaining("ascending, got [10, 5]");
    }

    @Test
    void oneCycleRisesToTheMaximumAndFallsBelowTheStart() {
        LearningRateSchedule s = LearningRateSchedule.oneCycle(0.1, 100);
        assertThat(s.rate(0)).isCloseTo(0.01, within(EPS));
        assertThat(s.rate(45)).isCloseTo(0.1, within(EPS));
        assertThat(s.rate(90)).isCloseTo(0.01, within(EPS));
        assertThat(s.rate(100)).isCloseTo(0.00001, within(EPS));
        assertThat(s.rate(20)).isBetween(0.01, 0.1);
    }

    @Test
    void cosineAnnealsFromTheInitialRateToTheMinimum() {
        LearningRateSchedule s = LearningRateSchedule.cosine(0.1, 100, 0.001);
        assertThat(s.rate(0)).isCloseTo(0.1, within(EPS));
        assertThat(s.rate(50)).isCloseTo(0.0505, within(EPS));
        assertThat(s.rate(100)).isCloseTo(0.001, within(EPS));
        assertThat(s.rate(500)).isCloseTo(0.001, within(EPS));
    }

    @Test
    void warmUpRampsLinearlyBelowTheRateForItsStepsThenHandsOver() {
        LearningRateSchedule s = LearningRateSchedule.warmUp(LearningRateSchedule.constant(0.1), 4);
        assertThat(new double[] {s.rate(0), s.rate(1), s.rate(2), s.rate(3), s.rate(4)})
                .usingComparatorWithPrecision(EPS).containsExactly(0.02, 0.04, 0.06, 0.08, 0.1);
    }

    @Test
    void aOneStepWarmUpRunsTheFirstUpdateBelowTheRate() {
        LearningRateSchedule s = LearningRateSchedule.warmUp(LearningRateSchedule.constant(0.1), 1);
        assertThat(s.asTracker().getNewValue(1)).isLessThan(0.1f).isPositive();
        assertThat(s.asTracker().getNewValue(2)).isEqualTo(0.1f);
    }

    @Test
    void everyScheduleGivesTheFirstUpdateTheRateItsDefinitionHasAtStepZero() {
        assertThat(new double[] {
            LearningRateSchedule.power(0.01, 100, 1).asTracker().getNewValue(1),
            LearningRateSchedule.exponential(0.01, 20, 0.1).asTracker().getNewValue(1),
            LearningRateSchedule.piecewise(new long[] {1}, new double[] {0.01, 0.5}).asTracker().getNewValue(1),
            LearningRateSchedule.oneCycle(0.1, 100).asTracker().getNewValue(1),
            LearningRateSchedule.cosine(0.01, 100, 0).asTracker().getNewValue(1),
            LearningRateSchedule.reduceOnPlateau(0.01, "loss", Direction.MINIMIZE, 0.5, 1, 0, 0).asTracker().getNewValue(1),
            LearningRateSchedule.warmUp(LearningRateSchedule.constant(0.02), 1).asTracker().getNewValue(1)})
                .usingComparatorWithPrecision(1e-9).containsExactly(0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 0.01);
    }

    @Test
    void theDjlTrackerCountsUpdatesFromOne() {
        LearningRateSchedule s = LearningRateSchedule.piecewise(new long[] {1}, new double[] {0.5, 0.25});
        assertThat(s.asTracker().getNewValue(1)).isEqualTo(0.5f);
        assertThat(s.asTracker().getNewValue(2)).isEqualTo(0.25f);
    }

    @Test
    void plateauDropsTheRateAfterPatienceEpochsWithoutImprovement() {
        PlateauSchedule s = LearningRateSchedule.reduceOnPlateau(0.1, "val_loss", Direction.MINIMIZE, 0.5, 2, 0.01, 0.02);
        double[] losses = {1.0, 0.9, 0.895, 0.899, 0.7, 0.71, 0.72, 0.73, 0.74, 0.75, 0.76};
        double[] rates = new double[losses.length];
        for (int i = 0; i < losses.length; i++) {
            double loss = losses[i];
            s.onEpochEnd(i + 1, name -> Map.of("val_loss", loss).get(name));
            rates[i] = s.rate(0);
        }
        assertThat(rates).containsExactly(0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.02, 0.02, 0.02);
    }

    @Test
    void plateauTreatsAHigherAccuracyAsAnImprovementWhenMaximising() {
        PlateauSchedule s = LearningRateSchedule.reduceOnPlateau(0.1, "val_accuracy", Direction.MAXIMIZE, 0.1, 1, 0, 0);
        s.onEpochEnd(1, name -> 0.5);
        s.onEpochEnd(2, name -> 0.6);
        assertThat(s.rate(0)).isEqualTo(0.1);
        s.onEpochEnd(3, name -> 0.55);
        assertThat(s.rate(0)).isCloseTo(0.01, within(EPS));
    }

    @Test
    void warmUpPassesEpochResultsToAPlateauSchedule() {
        PlateauSchedule plateau = LearningRateSchedule.reduceOnPlateau(0.1, "loss", Direction.MINIMIZE, 0.5, 1, 0, 0);
        LearningRateSchedule s = LearningRateSchedule.warmUp(plateau, 2);
        s.onEpochEnd(1, name -> 1.0);
        s.onEpochEnd(2, name -> 1.0);
        assertThat(s.rate(10)).isEqualTo(0.05);
    }
}
