package io.tunelab.trainers.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.TrainersException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class CaptionedGridTest {
    private static float[][][] grey(int h, int w, float value) {
        float[][][] px = new float[h][w][1];
        for (float[][] row : px) {
            for (float[] p : row) {
                p[0] = value;
            }
        }
        return px;
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** Pixels in the rectangle that are clearly red (a highlighted caption) or dark (a black caption). */
    private static int count(BufferedImage image, int x0, int y0, int x1, int y1, boolean red) {
        int n = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (red ? r > g + 80 && r > b + 80 : r < 100 && g < 100 && b < 100) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void smallImagesAreEnlargedToReadableTilesWithTheirCaptionUnderneath() throws IOException {
        BufferedImage image = decode(CaptionedGrid.png(List.of(
                new CaptionedGrid.Tile(grey(8, 8, 0.5f), "true: cat\npred: cat", false),
                new CaptionedGrid.Tile(grey(8, 8, 1f), "true: dog\npred: cat", true)), 2));

        int tile = CaptionedGrid.MIN_TILE; // 8 pixels enlarged 8 times
        assertThat(image.getWidth()).isEqualTo(2 * tile + 1);
        assertThat(image.getHeight()).as("the image, then two caption lines").isEqualTo(tile + 2 * 13 + 2);
        assertThat(image.getRGB(tile - 1, tile - 1) & 0xff).as("enlarged, not blurred").isEqualTo(128);
        assertThat(image.getRGB(tile + 1 + tile - 1, 0) & 0xff).isEqualTo(255);
        assertThat(count(image, 0, tile, tile, image.getHeight(), false)).as("black caption of a right guess").isGreaterThan(20);
        assertThat(count(image, 0, tile, tile, image.getHeight(), true)).isZero();
        assertThat(count(image, tile + 1, tile, 2 * tile + 1, image.getHeight(), true)).as("red caption of a wrong guess")
                .isGreaterThan(20);
    }

    @Test
    void largeImagesKeepTheirSizeAndColours() throws IOException {
        float[][][] rgb = new float[70][80][3];
        rgb[0][0] = new float[] {1, 0, 0};
        BufferedImage image = decode(CaptionedGrid.png(List.of(new CaptionedGrid.Tile(rgb, "x", false)), 4));
        assertThat(image.getWidth()).isEqualTo(80);
        assertThat(image.getHeight()).isEqualTo(70 + 13 + 2);
        assertThat(image.getRGB(0, 0) & 0xffffff).isEqualTo(0xff0000);
    }

    @Test
    void samplesOfDifferentSizesOrNoneAreRejected() {
        assertThatThrownBy(() -> CaptionedGrid.png(List.of(new CaptionedGrid.Tile(grey(8, 8, 0), "a", false),
                new CaptionedGrid.Tile(grey(6, 8, 0), "b", false)), 2)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("differ in size");
        assertThatThrownBy(() -> CaptionedGrid.png(List.of(), 2)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("no samples");
    }

    @Test
    void tilesWidenToTheirWidestCaptionSoClassNamesAreShownWhole() throws IOException {
        String caption = "true: T-shirt/top\npred: Ankle boot";
        BufferedImage image = decode(CaptionedGrid.png(List.of(new CaptionedGrid.Tile(grey(28, 28, 0.5f), caption, false),
                new CaptionedGrid.Tile(grey(28, 28, 0.5f), "true: Bag\npred: Bag", false)), 2));
        java.awt.Graphics2D g = Rasters.graphics(Rasters.canvas(1, 1), 11);
        int text = g.getFontMetrics().stringWidth("true: T-shirt/top");
        assertThat(Rasters.fit("true: T-shirt/top", g.getFontMetrics(), 84)).as("the line is wider than the enlarged image")
                .endsWith("…");
        int tile = (image.getWidth() - 1) / 2;
        assertThat(tile).isGreaterThanOrEqualTo(text);
        int left = (tile - 84) / 2;
        assertThat(image.getRGB(left + 1, 1) & 0xff).as("the image centred in the wider tile").isEqualTo(128);
        assertThat(image.getRGB(0, 1) & 0xff).isEqualTo(255);
    }
}
