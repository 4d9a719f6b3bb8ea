package io.tunelab.search.summary;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * PNG files from pixel arrays, for {@code Trial.logImage}: {@code pixels[y][x][c]} in {@code [0, 1]} (clipped),
 * with 1 (grey), 3 (RGB) or 4 (RGBA) channels, as {@code tf.summary.image} takes float images.
 */
public final class PngImages {
    private PngImages() {
    }

    /** The PNG of one image {@code pixels[height][width][channels]}. */
    public static byte[] encode(float[][][] pixels) {
        return write(grid(List.<float[][][]>of(pixels), 1));
    }

    /**
     * One PNG of {@code samples} (all of one size and channel count) laid out left to right, top to bottom,
     * {@code columns} to a row, with a 1-pixel black border between cells: a grid of sample inputs.
     */
    public static byte[] encodeGrid(List<float[][][]> samples, int columns) {
        return write(grid(samples, columns));
    }

    private static BufferedImage grid(List<float[][][]> samples, int columns) {
        if (samples.isEmpty() || columns < 1) {
            throw new InvalidSummaryException("image grid: " + samples.size() + " samples in " + columns
                    + " columns; expected at least one sample and one column");
        }
        float[][][] first = samples.get(0);
        int h = first.length;
        int w = h == 0 ? 0 : first[0].length;
        int c = w == 0 ? 0 : first[0][0].length;
        if (h == 0 || w == 0 || (c != 1 && c != 3 && c != 4)) {
            throw new InvalidSummaryException("image: " + h + "x" + w + "x" + c + " pixels; expected [height][width][channels]"
                    + " with at least one pixel and 1, 3 or 4 channels");
        }
        int cols = Math.min(columns, samples.size());
        int rows = (samples.size() + cols - 1) / cols;
        int border = samples.size() == 1 ? 0 : 1;
        BufferedImage image = new BufferedImage(cols * (w + border) - border, rows * (h + border) - border,
                c == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int s = 0; s < samples.size(); s++) {
            float[][][] px = samples.get(s);
            int x0 = (s % cols) * (w + border);
            int y0 = (s / cols) * (h + border);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    float[] p = pixel(px, y, x, h, w, c, s);
                    int r = byteOf(p[0]);
                    int g = byteOf(p[c == 1 ? 0 : 1]);
                    int b = byteOf(p[c == 1 ? 0 : 2]);
                    int a = c == 4 ? byteOf(p[3]) : 255;
                    image.setRGB(x0 + x, y0 + y, a << 24 | r << 16 | g << 8 | b);
                }
            }
        }
        return image;
    }

    private static float[] pixel(float[][][] px, int y, int x, int h, int w, int c, int sample) {
        if (px.length != h || px[y].length != w || px[y][x].length != c) {
            throw new InvalidSummaryException("image grid: sample " + sample + " differs in shape from sample 0 ("
                    + h + "x" + w + "x" + c + "); expected samples of one shape");
        }
        return px[y][x];
    }

    private static int byteOf(float v) {
        return Float.isNaN(v) ? 0 : Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
    }

    private static byte[] write(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("encoding a PNG in memory", e);
        }
        return out.toByteArray();
    }
}
