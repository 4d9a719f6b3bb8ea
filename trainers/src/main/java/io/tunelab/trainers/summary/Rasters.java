package io.tunelab.trainers.summary;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/** Canvases drawn with {@code java.awt} in memory, and their pixels as {@code [y][x][rgb]} floats in [0, 1]. */
final class Rasters {
    static {
        // Drawing into a BufferedImage needs no display; make sure AWT never looks for one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Rasters() {
    }

    /** A white RGB canvas. */
    static BufferedImage canvas(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    /** Graphics on {@code image} with anti-aliased text in a plain sans-serif font of {@code size} pixels. */
    static Graphics2D graphics(BufferedImage image, int size) {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, size));
        return g;
    }

    /** Draws {@code text} centred in the box, shortened with an ellipsis when it is wider than the box. */
    static void centred(Graphics2D g, String text, int x, int y, int width, int height) {
        FontMetrics m = g.getFontMetrics();
        String shown = fit(text, m, width);
        int tx = x + (width - m.stringWidth(shown)) / 2;
        int ty = y + (height - m.getHeight()) / 2 + m.getAscent();
        g.drawString(shown, tx, ty);
    }

    /** {@code text}, or its longest prefix followed by "…" that fits in {@code width} pixels. */
    static String fit(String text, FontMetrics m, int width) {
        if (m.stringWidth(text) <= width) {
            return text;
        }
        for (int n = text.length() - 1; n > 0; n--) {
            String shorter = text.substring(0, n) + "…";
            if (m.stringWidth(shorter) <= width) {
                return shorter;
            }
        }
        return "…";
    }

    /** The pixels of {@code image} as {@code [y][x][r, g, b]} in [0, 1], the form {@code PngImages} encodes. */
    static float[][][] pixels(BufferedImage image) {
        float[][][] px = new float[image.getHeight()][image.getWidth()][3];
        for (int y = 0; y < px.length; y++) {
            for (int x = 0; x < px[y].length; x++) {
                int rgb = image.getRGB(x, y);
                px[y][x][0] = ((rgb >> 16) & 0xff) / 255f;
                px[y][x][1] = ((rgb >> 8) & 0xff) / 255f;
                px[y][x][2] = (rgb & 0xff) / 255f;
            }
        }
        return px;
    }
}
