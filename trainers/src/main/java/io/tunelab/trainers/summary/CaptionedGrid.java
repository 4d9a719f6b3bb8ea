package io.tunelab.trainers.summary;

import io.tunelab.search.summary.PngImages;
import io.tunelab.trainers.TrainersException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * One PNG of sample images laid out in a grid, each with a caption of one or more lines drawn under it
 * (such as its true and predicted class): small images are enlarged by an integer factor (nearest
 * neighbour) to at least {@value #MIN_TILE} pixels wide so that the caption is readable, and every tile is as wide
 * as the widest caption line (up to {@value #MAX_CAPTION} pixels; a longer line ends in "…"), its image centred, so
 * class names such as "Ankle boot" or "T-shirt/top" are shown whole. The grid itself is
 * {@link PngImages#encodeGrid}'s. Stateless.
 */
public final class CaptionedGrid {
    /** Narrowest tile, in pixels, after enlarging. */
    public static final int MIN_TILE = 64;
    /** Widest caption, in pixels, a tile widens to. */
    public static final int MAX_CAPTION = 240;
    private static final int FONT = 11;
    private static final int LINE = 13;

    private CaptionedGrid() {
    }

    /**
     * One sample and its caption.
     *
     * @param pixels    {@code [height][width][channels]} in [0, 1], 1 (grey), 3 (RGB) or 4 channels (alpha ignored)
     * @param caption   lines separated by {@code \n}
     * @param highlight whether the caption is drawn in red (a wrong prediction) rather than black
     */
    public record Tile(float[][][] pixels, String caption, boolean highlight) {
    }

    /**
     * The PNG of {@code tiles} (all of one size), {@code columns} to a row.
     *
     * @throws TrainersException if there are no tiles or their images differ in size
     */
    public static byte[] png(List<Tile> tiles, int columns) {
        if (tiles.isEmpty()) {
            throw new TrainersException("captioned grid: no samples; expected at least one");
        }
        float[][][] first = tiles.get(0).pixels();
        for (Tile t : tiles) {
            if (t.pixels().length != first.length || t.pixels().length == 0 || t.pixels()[0].length != first[0].length) {
                throw new TrainersException("captioned grid: samples differ in size; expected one size, as the first ("
                        + first.length + "x" + (first.length == 0 ? 0 : first[0].length) + ")");
            }
        }
        int lines = tiles.stream().mapToInt(t -> t.caption().split("\n", -1).length).max().orElse(1);
        int width = Math.min(MAX_CAPTION, captionWidth(tiles));
        List<float[][][]> cells = new ArrayList<>(tiles.size());
        for (Tile t : tiles) {
            cells.add(cell(t, lines, width));
        }
        return PngImages.encodeGrid(cells, columns);
    }

    /** The width in pixels of the widest caption line, with a pixel of margin either side. */
    private static int captionWidth(List<Tile> tiles) {
        Graphics2D g = Rasters.graphics(Rasters.canvas(1, 1), FONT);
        int widest = 0;
        for (Tile t : tiles) {
            for (String line : t.caption().split("\n", -1)) {
                widest = Math.max(widest, g.getFontMetrics().stringWidth(line) + 2);
            }
        }
        g.dispose();
        return widest;
    }

    private static float[][][] cell(Tile tile, int lines, int captionWidth) {
        float[][][] px = tile.pixels();
        int h = px.length;
        int w = h == 0 ? 0 : px[0].length;
        if (h == 0 || w == 0 || px[0][0].length == 0) {
            throw new TrainersException("captioned grid: an image of " + h + "x" + w + " pixels; expected at least one pixel");
        }
        int scale = Math.max(1, (MIN_TILE + w - 1) / w);
        int width = Math.max(w * scale, captionWidth);
        int left = (width - w * scale) / 2;
        BufferedImage image = Rasters.canvas(width, h * scale + lines * LINE + 2);
        for (int y = 0; y < h * scale; y++) {
            for (int x = 0; x < w * scale; x++) {
                image.setRGB(left + x, y, rgb(px[y / scale][x / scale]));
            }
        }
        Graphics2D g = Rasters.graphics(image, FONT);
        g.setColor(tile.highlight() ? new Color(0xC6, 0x28, 0x28) : Color.BLACK);
        String[] text = tile.caption().split("\n", -1);
        for (int i = 0; i < text.length; i++) {
            Rasters.centred(g, text[i], 0, h * scale + 1 + i * LINE, width, LINE);
        }
        g.dispose();
        return Rasters.pixels(image);
    }

    private static int rgb(float[] p) {
        int r = channel(p[0]);
        int g = p.length >= 3 ? channel(p[1]) : r;
        int b = p.length >= 3 ? channel(p[2]) : r;
        return r << 16 | g << 8 | b;
    }

    private static int channel(float v) {
        return Float.isNaN(v) ? 0 : Math.round(Math.min(1f, Math.max(0f, v)) * 255f);
    }
}
