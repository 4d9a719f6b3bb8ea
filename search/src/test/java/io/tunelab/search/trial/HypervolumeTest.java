package io.tunelab.search.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.search.SearchException;
import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {

    @Test
    void hypervolumeOfTwoObjectiveStaircasesIsExact() {
        double[] ref = {1, 1};
        assertThat(Hypervolume.of(List.of(new double[] {0.5, 0.5}), ref)).isEqualTo(0.25);
        assertThat(Hypervolume.of(List.of(new double[] {0, 0.5}, new double[] {0.5, 0}, new double[] {0.6, 0.6}), ref))
                .isCloseTo(0.75, within(1e-12));
        assertThat(Hypervolume.of(List.of(new double[] {1.5, 0.1}), ref)).isZero();
    }

    @Test
    void hypervolumeOfThreeObjectivesIsTheUnionOfTheDominatedBoxes() {
        double[] ref = {1, 1, 1};
        assertThat(Hypervolume.of(List.of(new double[] {0.5, 0.5, 0.5}), ref)).isCloseTo(0.125, within(1e-12));
        // two boxes of 0.5 each (one half-space per point) overlapping in a box of 0.25
        assertThat(Hypervolume.of(List.of(new double[] {0, 0, 0.5}, new double[] {0.5, 0, 0}), ref))
                .isCloseTo(0.75, within(1e-12));
        // a dominated point adds nothing
        assertThat(Hypervolume.of(List.of(new double[] {0, 0, 0.5}, new double[] {0.2, 0.2, 0.6}), ref))
                .isCloseTo(0.5, within(1e-12));
    }

    @Test
    void aPointWithTheWrongNumberOfObjectivesIsRefused() {
        assertThatThrownBy(() -> Hypervolume.of(List.of(new double[] {0.5}), new double[] {1, 1}))
                .isInstanceOf(SearchException.class).hasMessageContaining("[0.5] has 1 objectives, expected 2");
    }
}
