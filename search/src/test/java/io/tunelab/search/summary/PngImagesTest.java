package io.tunelab.search.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngImagesTest {
    @Test
    void pixelsInTheUnitIntervalBecomeAPngOfTheirSize() throws Exception {
        float[][][] pixels = new float[2][3][3];
        pixels[1][2] = new float[] {1, 0.5f, 0};
        byte[] png = PngImages.encode(pixels);
        ImageSummary image = ImageSummary.ofPng(png, "test");
        assertThat(image.width()).isEqualTo(3);
        assertThat(image.height()).isEqualTo(2);
        BufferedImage read = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(read.getRGB(2, 1) & 0xFFFFFF).isEqualTo(255 << 16 | 128 << 8);
        assertThat(read.getRGB(0, 0) & 0xFFFFFF).isZero();
    }

    @Test
    void aGridLaysSamplesOutInRowsWithABorder() {
        float[][][] grey = new float[4][5][1];
        byte[] png = PngImages.encodeGrid(List.of(grey, grey, grey), 2);
        ImageSummary image = ImageSummary.ofPng(png, "grid");
        assertThat(image.width()).isEqualTo(2 * 5 + 1);
        assertThat(image.height()).isEqualTo(2 * 4 + 1);
    }

    @Test
    void twoChannelsAreRejectedNamingTheShape() {
        assertThatThrownBy(() -> PngImages.encode(new float[2][2][2]))
                .isInstanceOf(InvalidSummaryException.class).hasMessageContaining("2x2x2");
    }
}
