package io.tunelab.bench.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tunelab.trainers.data.DatasetSplits;
import io.tunelab.trainers.data.DenseDataset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(300)
class ImagesBenchmarkTest {
    @TempDir
    Path dir;

    @Test
    void aWrittenPngReadsBackAsTheExamplesPixels() throws Exception {
        DenseDataset images = TinyImages.splits(2, 0, 0, 7).train();

        BufferedImage back = ImageIO.read(new ByteArrayInputStream(ImagesBenchmark.greyPng(images, 1)));

        assertThat(back.getWidth()).isEqualTo(28);
        assertThat(back.getHeight()).isEqualTo(28);
        float[] pixels = new float[28 * 28];
        images.copyExample(1, pixels, 0);
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                assertThat(back.getRaster().getSample(c, r, 0)).isEqualTo(Math.round(pixels[r * 28 + c] * 255));
            }
        }
    }

    @Test
    void everyImageLandsInTheFolderOfItsClass() throws Exception {
        DatasetSplits source = TinyImages.splits(9, 3, 3, 1);

        int written = ImagesBenchmark.writeFolders(source, List.of("T-shirt/top", "b", "c"), dir, 0);

        assertThat(written).isEqualTo(15);
        assertThat(Files.list(dir).map(p -> p.getFileName().toString()).sorted()).containsExactly("00_T-shirt_top", "01_b", "02_c");
        try (Stream<Path> files = Files.list(dir.resolve("01_b"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("test-00001.png", "train-00001.png", "train-00004.png", "train-00007.png", "valid-00001.png");
        }
    }

    @Test
    void aTinyRunTrainsTheResidualCnnFromTheFolderAndReportsTestAccuracy() {
        ImagesBenchmark.Options options = new ImagesBenchmark.Options(dir, 0, 1, 2, 4, 8, 1e-3, 1, 3);

        ImagesBenchmark.Result result = ImagesBenchmark.run(options, TinyImages.splits(60, 12, 12, 3), List.of("a", "b", "c"));

        assertThat(result.split()).containsExactly(66, 6, 12);
        assertThat(result.architecture()).isEqualTo(options.architecture(List.of(1, 28, 28), 3).describe())
                .contains("residual").contains("global average pool").contains("bn");
        assertThat(result.epochSeconds()).hasSize(1).allSatisfy(s -> assertThat(s).isPositive());
        assertThat(result.testAccuracy()).isBetween(result.testLow(), result.testHigh());
        assertThat(result.describe()).contains("66 train / 6 validation / 12 test PNG images").contains("test accuracy");
        assertThatThrownBy(() -> new ImagesBenchmark.Options(dir, 0, 0, 2, 4, 8, 1e-3, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 epochs");
    }
}
