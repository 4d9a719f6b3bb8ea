package io.tunelab.trainers.summary;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Feature importances drawn as horizontal bar charts: one panel per output (its name as the title), one bar per
 * feature in the order given (most important first), its length the score's magnitude relative to the largest in
 * the panel, blue for a positive score and orange for a negative one (a linear model's weights), labelled with
 * the feature's name on the left and the score on the right. At most {@value #MAX_PANELS} outputs are drawn.
 * Stateless.
 */
public final class ImportanceChart {
    /** Width of the image in pixels. */
    public static final int WIDTH = 640;
    /** Height of a panel's title row in pixels. */
    public static final int TITLE = 24;
    /** Height of each bar's row in pixels. */
    public static final int BAR = 18;
    /** Outputs drawn; a model with more has the rest in its table only. */
    public static final int MAX_PANELS = 8;
    static final int NAMES = 170;
    static final int VALUES = 70;
    static final Color POSITIVE = new Color(0x3B, 0x6F, 0xD8);
    static final Color NEGATIVE = new Color(0xE8, 0x71, 0x0A);

    private ImportanceChart() {
    }

    /** The image's height for panels of these many features each (only the first {@value #MAX_PANELS} count). */
    public static int height(List<Integer> featuresPerPanel) {
        return featuresPerPanel.stream().limit(MAX_PANELS).mapToInt(n -> TITLE + n * BAR).sum() + 1;
    }

    /** The chart of {@code byOutput} (output name to its features and scores, most important first) as {@code [y][x][rgb]}. */
    public static float[][][] draw(Map<String, List<Map.Entry<String, Double>>> byOutput) {
        List<Map.Entry<String, List<Map.Entry<String, Double>>>> panels = new ArrayList<>(byOutput.entrySet())
                .subList(0, Math.min(MAX_PANELS, byOutput.size()));
        BufferedImage image = Rasters.canvas(WIDTH, height(panels.stream().map(p -> p.getValue().size()).toList()));
        Graphics2D g = Rasters.graphics(image, 11);
        int y = 0;
        int span = WIDTH - NAMES - VALUES;
        for (Map.Entry<String, List<Map.Entry<String, Double>>> panel : panels) {
            g.setColor(Color.DARK_GRAY);
            Rasters.centred(g, panel.getKey(), 0, y, WIDTH, TITLE);
            y += TITLE;
            double largest = panel.getValue().stream().mapToDouble(f -> Math.abs(f.getValue())).filter(Double::isFinite)
                    .max().orElse(0);
            for (Map.Entry<String, Double> feature : panel.getValue()) {
                double score = feature.getValue();
                int length = largest > 0 && Double.isFinite(score) ? (int) Math.round(span * Math.abs(score) / largest) : 0;
                g.setColor(score < 0 ? NEGATIVE : POSITIVE);
                g.fillRect(NAMES, y + 2, length, BAR - 4);
                g.setColor(Color.BLACK);
                Rasters.centred(g, feature.getKey(), 2, y, NAMES - 6, BAR);
                Rasters.centred(g, String.format(Locale.ROOT, "%.4g", score), WIDTH - VALUES, y, VALUES, BAR);
                y += BAR;
            }
        }
        g.setColor(Color.LIGHT_GRAY);
        g.drawLine(NAMES - 1, 0, NAMES - 1, image.getHeight() - 1);
        g.dispose();
        return Rasters.pixels(image);
    }
}
