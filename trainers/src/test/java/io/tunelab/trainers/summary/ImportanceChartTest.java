package io.tunelab.trainers.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportanceChartTest {
    private static Color at(float[][][] px, int x, int y) {
        float[] p = px[y][x];
        return new Color(p[0], p[1], p[2]);
    }

    /** How far the bar of the row starting at {@code top} reaches, in pixels from where bars start. */
    private static int barLength(float[][][] px, int top) {
        int y = top + ImportanceChart.BAR / 2;
        int x = ImportanceChart.NAMES;
        while (x < px[y].length && !at(px, x, y).equals(Color.WHITE)) {
            x++;
        }
        return x - ImportanceChart.NAMES;
    }

    @Test
    void barsAreScaledToTheLargestMagnitudeOfTheirPanelAndColouredBySign() {
        Map<String, List<Map.Entry<String, Double>>> ranking = new LinkedHashMap<>();
        ranking.put("all", List.of(Map.entry("x1", 4.0), Map.entry("x2", 2.0), Map.entry("x3", 1.0)));
        ranking.put("cat", List.of(Map.entry("w", -0.5), Map.entry("v", 0.25)));
        float[][][] px = ImportanceChart.draw(ranking);

        assertThat(px[0].length).isEqualTo(ImportanceChart.WIDTH);
        assertThat(px.length).isEqualTo(ImportanceChart.height(List.of(3, 2)))
                .isEqualTo(2 * ImportanceChart.TITLE + 5 * ImportanceChart.BAR + 1);
        int span = ImportanceChart.WIDTH - ImportanceChart.NAMES - ImportanceChart.VALUES;
        int first = ImportanceChart.TITLE;
        assertThat(barLength(px, first)).isEqualTo(span);
        assertThat(barLength(px, first + ImportanceChart.BAR)).isEqualTo(span / 2);
        assertThat(barLength(px, first + 2 * ImportanceChart.BAR)).isEqualTo(span / 4);
        int second = 2 * ImportanceChart.TITLE + 3 * ImportanceChart.BAR;
        assertThat(barLength(px, second)).as("-0.5 is the largest magnitude of its panel").isEqualTo(span);
        assertThat(at(px, ImportanceChart.NAMES + 5, second + ImportanceChart.BAR / 2)).isEqualTo(ImportanceChart.NEGATIVE);
        assertThat(at(px, ImportanceChart.NAMES + 5, second + ImportanceChart.BAR + ImportanceChart.BAR / 2))
                .isEqualTo(ImportanceChart.POSITIVE);
        assertThat(barLength(px, second + ImportanceChart.BAR)).isEqualTo(span / 2);
    }

    @Test
    void onlyTheFirstPanelsAreDrawn() {
        Map<String, List<Map.Entry<String, Double>>> ranking = new LinkedHashMap<>();
        for (int i = 0; i < ImportanceChart.MAX_PANELS + 3; i++) {
            ranking.put("class " + i, List.of(Map.entry("x", 1.0)));
        }
        assertThat(ImportanceChart.draw(ranking).length)
                .isEqualTo(ImportanceChart.MAX_PANELS * (ImportanceChart.TITLE + ImportanceChart.BAR) + 1);
    }
}
