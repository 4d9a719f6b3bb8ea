package io.tunelab.search.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    @Test
    void nonDominatedSortingNumbersTheFrontsFromZero() {
        double[][] losses = {{3, 3}, {0, 1}, {1, 1}, {1, 0}, {2, 2}, {1, 1}};
        assertThat(ParetoFront.ranks(losses)).containsExactly(3, 0, 1, 0, 2, 1);
        assertThat(ParetoFront.ranks(new double[0][])).isEmpty();
    }

    @Test
    void dominanceHonoursEachObjectivesDirection() {
        List<Direction> minMax = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
        assertThat(ParetoFront.dominates(List.of(1.0, 5.0), List.of(2.0, 4.0), minMax)).isTrue();
        assertThat(ParetoFront.dominates(List.of(1.0, 3.0), List.of(2.0, 4.0), minMax)).isFalse();
        assertThat(ParetoFront.dominates(List.of(1.0, 4.0), List.of(1.0, 4.0), minMax)).isFalse();
    }
}
