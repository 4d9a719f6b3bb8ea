package io.tunelab.trainers.summary;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunelab.trainers.eval.ConfusionMatrix;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionChartTest {
    private static final int[] TRUTH = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2};
    private static final int[] PREDICTED = {0, 0, 0, 0, 1, 1, 0, 2, 2, 2};

    /** Cells of a chart of three classes have the largest size. */
    private static final int CELL = 40;

    /** The colour of a pixel near the top-left corner of a cell, away from its count (cells fill the bottom right). */
    private static Color cornerOf(float[][][] px, int truth, int predicted, int k) {
        int left = px[0].length - 1 - k * CELL;
        int top = px.length - 1 - k * CELL;
        float[] p = px[top + truth * CELL + 2][left + predicted * CELL + 2];
        return new Color(p[0], p[1], p[2]);
    }

    @Test
    void cellsAreShadedByTheShareOfTheirRowAndLabelledWithTheirCount() {
        float[][][] px = ConfusionChart.draw(ConfusionMatrix.of(TRUTH, PREDICTED, List.of("a", "b", "c")));

        assertThat(cornerOf(px, 0, 0, 3)).as("all of class a right").isEqualTo(ConfusionChart.shade(1));
        assertThat(cornerOf(px, 1, 1, 3)).as("half of class b").isEqualTo(ConfusionChart.shade(0.5));
        assertThat(cornerOf(px, 1, 0, 3)).isEqualTo(ConfusionChart.shade(0.25));
        assertThat(cornerOf(px, 0, 2, 3)).as("none").isEqualTo(Color.WHITE);
        assertThat(ConfusionChart.shade(1).getBlue()).isLessThan(ConfusionChart.shade(0.5).getBlue());
        // The count "4" is drawn in white on the darkest cell.
        int top = px.length - 1 - 3 * CELL;
        int left = px[0].length - 1 - 3 * CELL;
        int light = 0;
        for (int y = top + 5; y < top + 35; y++) {
            for (int x = left + 5; x < left + 35; x++) {
                light += px[y][x][0] > 0.8f ? 1 : 0;
            }
        }
        assertThat(light).isGreaterThan(10);
    }
}
