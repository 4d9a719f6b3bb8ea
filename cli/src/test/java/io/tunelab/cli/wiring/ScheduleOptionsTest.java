package io.tunelab.cli.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.cli.error.CliException;
import io.tunelab.spec.FitSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleOptionsTest {

    private static Map<String, Object> params(String type, Map<String, Object> options) {
        return ScheduleOptions.params(new FitSpec.Schedule(type, options));
    }

    @Test
    void eachScheduleTakesItsOptionsUnderKerasAndTheBooksNames() {
        assertThat(params("exponential", Map.of("s", 10, "rate", 0.5)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("lr_decay_epochs", 10, "lr_decay_rate", 0.5));
        assertThat(params("power", Map.of("c", 2.0))).containsEntry("lr_power", 2.0);
        assertThat(params("plateau", Map.of("factor", 0.2, "patience", 3, "min_lr", 1e-5)))
                .containsEntry("lr_decay_rate", 0.2).containsEntry("lr_patience", 3).containsEntry("lr_min", 1e-5);
        assertThat(params("cosine", Map.of("lr_min", 0, "warmup_epochs", 2))).containsEntry("lr_min", 0)
                .containsEntry("warmup_epochs", 2);
    }

    @Test
    void anOptionTheChosenScheduleDoesNotReadIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> params("cosine", Map.of("s", 10))).isInstanceOf(CliException.class)
                .hasMessage("fit.schedule.s: the cosine schedule does not read s, so it would be ignored; it reads min_lr,"
                        + " warmup_epochs");
        assertThatThrownBy(() -> params("one_cycle", Map.of("rate", 0.5))).isInstanceOf(CliException.class)
                .hasMessageStartingWith("fit.schedule.rate: the one_cycle schedule does not read rate");
    }

    @Test
    void theValuesAdmittedAreTheOnesTheTrainerReadsTheParameterWith() {
        assertThatThrownBy(() -> params("plateau", Map.of("patience", 0))).isInstanceOf(CliException.class)
                .hasMessage("fit.schedule.patience: expected a whole number >= 1, got 0");
        assertThatThrownBy(() -> params("exponential", Map.of("rate", 1.5))).isInstanceOf(CliException.class)
                .hasMessage("fit.schedule.rate: expected a number in (0, 1], got 1.5");
    }

    @Test
    void valuesOutOfRangeAreRefusedNamingTheOption() {
        assertThatThrownBy(() -> params("exponential", Map.of("s", 0))).isInstanceOf(CliException.class)
                .hasMessage("fit.schedule.s: expected a number > 0, got 0");
        assertThatThrownBy(() -> params("plateau", Map.of("patience", 1.5))).isInstanceOf(CliException.class)
                .hasMessage("fit.schedule.patience: expected a whole number >= 1, got 1.5");
        assertThatThrownBy(() -> params("cosine", Map.of("min_lr", "low"))).isInstanceOf(CliException.class)
                .hasMessage("fit.schedule.min_lr: expected a number >= 0, got low");
        assertThatThrownBy(() -> params("exponential", Map.of("half_life", 5))).isInstanceOf(CliException.class)
                .hasMessageStartingWith("fit.schedule.half_life: unknown schedule option");
    }

    @Test
    void aPiecewiseScheduleTakesKerasBoundariesInEpochsAndItsValues() {
        assertThat(ScheduleOptions.params(new FitSpec.Schedule("piecewise", Map.of("boundaries", List.of(5, 15),
                "values", List.of(0.01, 0.005, 0.001))), 20))
                .containsExactlyInAnyOrderEntriesOf(Map.of("lr_boundaries", List.of(5, 15), "lr_values", List.of(0.01, 0.005, 0.001)));
    }

    @Test
    void piecewiseBoundariesAndValuesAreRefusedNamingTheFieldTheValueAndWhatWasExpected() {
        assertThatThrownBy(() -> params("piecewise", Map.of("boundaries", List.of(5, 15), "values", List.of(0.01, 0.005))))
                .isInstanceOf(CliException.class).hasMessageStartingWith("fit.schedule.values: 2 values for the 2 boundaries"
                        + " [5, 15]; expected 3, one more than the boundaries");
        assertThatThrownBy(() -> params("piecewise", Map.of("boundaries", List.of(15, 5), "values", List.of(0.1, 0.2, 0.3))))
                .hasMessage("fit.schedule.boundaries: expected strictly increasing epochs, got [15, 5] (5 after 15)");
        assertThatThrownBy(() -> params("piecewise", Map.of("boundaries", List.of(0), "values", List.of(0.1, 0.2))))
                .hasMessageStartingWith("fit.schedule.boundaries[0]: expected a whole number of epochs >= 1");
        assertThatThrownBy(() -> params("piecewise", Map.of("boundaries", List.of(5), "values", List.of(0.1, -0.2))))
                .hasMessage("fit.schedule.values[1]: expected a positive finite learning rate, got -0.2");
        assertThatThrownBy(() -> params("piecewise", Map.of("boundaries", List.of(5))))
                .hasMessageStartingWith("fit.schedule.boundaries: given without values; expected both");
        assertThatThrownBy(() -> params("piecewise", Map.of("boundaries", List.of(5), "values", List.of(0.1, 0.2), "rate", 0.5)))
                .hasMessageStartingWith("fit.schedule.rate: the piecewise schedule with values does not read rate");
        assertThatThrownBy(() -> params("cosine", Map.of("values", List.of(0.1))))
                .hasMessageStartingWith("fit.schedule.values: the cosine schedule does not read values");
    }

    @Test
    void aBoundaryAtOrAfterTheLastEpochIsRefusedAsKerasStepsWouldBe() {
        assertThatThrownBy(() -> ScheduleOptions.params(new FitSpec.Schedule("piecewise", Map.of("boundaries",
                List.of(5 * 1719, 15 * 1719), "values", List.of(0.01, 0.005, 0.001))), 20)).isInstanceOf(CliException.class)
                .hasMessage("fit.schedule.boundaries: epoch 25785 is not before fit.epochs 20, so values[2] would never be"
                        + " used; expected epochs below 20 (boundaries count epochs; Keras's count steps)");
    }
}
