package io.tunelab.search.trial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {

    @Test
    void nonDominatedSortingNumbersTheFrontsFromZero() {
        double[][] losses = {{3, 3}, {0, 1}, {1, 1}, {1, 0}, {2, 2}, {1, 1}};
        assertThat(ParetoFront.ranks(losses)).containsExactly(3, 0, 1, 0, 2, 1);
        assertThat(ParetoFront.ranks(new double[0][])).isEmpty();
    }

    @Test
    void theFirstFrontsAreThoseOfTheFullSortingAsFarAsTheyRankTheCountAsked() {
        double[][] losses = {{3, 3}, {0, 1}, {1, 1}, {1, 0}, {2, 2}, {1, 1}};
        assertThat(ParetoFront.firstFronts(losses, 2)).containsExactly(-1, 0, -1, 0, -1, -1);
        assertThat(ParetoFront.firstFronts(losses, 3)).containsExactly(-1, 0, 1, 0, -1, 1);
        assertThat(ParetoFront.firstFronts(losses, 6)).containsExactly(3, 0, 1, 0, 2, 1);
        assertThat(ParetoFront.firstFronts(losses, 10)).containsExactly(3, 0, 1, 0, 2, 1);
        assertThat(ParetoFront.firstFronts(new double[0][], 3)).isEmpty();
    }

    @Test
    void theFirstFrontsAgreeWithTheFullSortingOnRandomVectorsWithTiesInTwoToFourObjectives() {
        SplittableRandom random = new SplittableRandom(5);
        for (int m = 2; m <= 4; m++) {
            for (int round = 0; round < 200; round++) {
                int n = 1 + random.nextInt(60);
                double[][] losses = new double[n][m];
                for (double[] v : losses) {
                    for (int j = 0; j < m; j++) {
                        v[j] = random.nextInt(round % 2 == 0 ? 4 : 1000); // coarse values tie and repeat
                    }
                }
                int count = 1 + random.nextInt(n);
                int[] full = ParetoFront.ranks(losses);
                int[] first = ParetoFront.firstFronts(losses, count);
                int last = Arrays.stream(first).max().orElseThrow();
                for (int i = 0; i < n; i++) {
                    assertThat(first[i]).as("m=%d round %d vector %d", m, round, i)
                            .isEqualTo(full[i] <= last ? full[i] : -1);
                }
                assertThat(Arrays.stream(first).filter(r -> r >= 0).count()).isGreaterThanOrEqualTo(count);
            }
        }
    }

    @Test
    void dominanceHonoursEachObjectivesDirection() {
        List<Direction> minMax = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);
        assertThat(ParetoFront.dominates(List.of(1.0, 5.0), List.of(2.0, 4.0), minMax)).isTrue();
        assertThat(ParetoFront.dominates(List.of(1.0, 3.0), List.of(2.0, 4.0), minMax)).isFalse();
        assertThat(ParetoFront.dominates(List.of(1.0, 4.0), List.of(1.0, 4.0), minMax)).isFalse();
    }
}
