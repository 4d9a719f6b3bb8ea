package io.tunelab.bench.bbob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankSumTest {
    private static final List<Double> LOW = List.of(0.0, 1.0, 2.0, 2.0, 2.0, 4.0, 4.0, 6.0, 8.0, 8.0);
    private static final List<Double> HIGH = List.of(1.0, 2.0, 2.0, 3.0, 5.0, 5.0, 7.0, 9.0, 9.0, 10.0);

    @Test
    void threeValuesAllAboveThreeOthersGiveTheTextbookNormalApproximation() {
        assertThat(RankSum.pGreater(List.of(4.0, 5.0, 6.0), List.of(1.0, 2.0, 3.0))).isCloseTo(0.040428, within(1e-6));
    }

    @Test
    void tiesTakeMidranksAndShrinkTheVariance() {
        assertThat(RankSum.pGreater(HIGH, LOW)).isCloseTo(0.126166, within(1e-6));
        assertThat(RankSum.pGreater(LOW, HIGH)).isCloseTo(0.888960, within(1e-6));
    }

    @Test
    void identicalOrMissingSamplesAreNeverCalledWorse() {
        assertThat(RankSum.pGreater(List.of(1.0, 1.0, 1.0), List.of(1.0, 1.0))).isEqualTo(1);
        assertThat(RankSum.pGreater(List.of(), LOW)).isEqualTo(1);
    }

    @Test
    void tenClearlyLargerValuesAreSignificantlyGreater() {
        List<Double> shifted = LOW.stream().map(v -> v + 20).toList();
        assertThat(RankSum.pGreater(shifted, LOW)).isLessThan(0.001);
        assertThat(RankSum.pGreater(LOW, shifted)).isGreaterThan(0.999);
    }

    @Test
    void oneOrTwoValuesASideCanNeverBeSignificantAtFivePercentAndThreeCan() {
        assertThat(RankSum.canReach(1, 1, 0.05)).isFalse();
        assertThat(RankSum.canReach(2, 2, 0.05)).isFalse();
        assertThat(RankSum.canReach(3, 3, 0.05)).isTrue();
        assertThat(RankSum.canReach(10, 10, 0.05)).isTrue();
    }
}
