package io.tunelab.trainers.summary;

import io.tunelab.trainers.eval.ConfusionMatrix;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/**
 * A confusion matrix drawn as a heat map: one row per true class, one column per predicted class, each cell
 * shaded by the share of its row (white for none, dark blue for all of the class's examples, so the shades
 * read as recall whatever the class sizes) and labelled with its count; class names label the rows and
 * columns. Stateless.
 */
public final class ConfusionChart {
    private static final int MARGIN_LEFT = 90;
    private static final int MARGIN_TOP = 34;
    private static final Color LIGHT = Color.WHITE;
    private static final Color DARK = new Color(0x08, 0x30, 0x6B);

    private ConfusionChart() {
    }

    /** The heat map of {@code matrix} as {@code [y][x][rgb]} pixels in [0, 1]. */
    public static float[][][] draw(ConfusionMatrix matrix) {
        int k = matrix.classes().size();
        int cell = Math.max(16, Math.min(40, 800 / Math.max(1, k)));
        BufferedImage image = Rasters.canvas(MARGIN_LEFT + k * cell + 1, MARGIN_TOP + k * cell + 1);
        Graphics2D g = Rasters.graphics(image, Math.max(8, cell / 3));
        g.setColor(Color.DARK_GRAY);
        Rasters.centred(g, "true \u2193  predicted \u2192", 0, 0, MARGIN_LEFT, MARGIN_TOP / 2);
        for (int c = 0; c < k; c++) {
            String name = matrix.classes().get(c);
            Rasters.centred(g, name, MARGIN_LEFT + c * cell, MARGIN_TOP / 2, cell, MARGIN_TOP / 2);
            Rasters.centred(g, name, 2, MARGIN_TOP + c * cell, MARGIN_LEFT - 4, cell);
        }
        for (int t = 0; t < k; t++) {
            int support = matrix.actual(t);
            for (int p = 0; p < k; p++) {
                int count = matrix.count(t, p);
                double share = support == 0 ? 0 : (double) count / support;
                int x = MARGIN_LEFT + p * cell;
                int y = MARGIN_TOP + t * cell;
                g.setColor(shade(share));
                g.fillRect(x, y, cell, cell);
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x, y, cell, cell);
                g.setColor(share > 0.5 ? Color.WHITE : Color.BLACK);
                Rasters.centred(g, Integer.toString(count), x, y, cell, cell);
            }
        }
        g.dispose();
        return Rasters.pixels(image);
    }

    /** The colour of a cell holding {@code share} of its row, from white (0) to dark blue (1). */
    static Color shade(double share) {
        double s = Math.min(1, Math.max(0, share));
        return new Color(mix(LIGHT.getRed(), DARK.getRed(), s), mix(LIGHT.getGreen(), DARK.getGreen(), s),
                mix(LIGHT.getBlue(), DARK.getBlue(), s));
    }

    private static int mix(int from, int to, double s) {
        return (int) Math.round(from + (to - from) * s);
    }
}
