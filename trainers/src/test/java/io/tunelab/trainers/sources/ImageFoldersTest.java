package io.tunelab.trainers.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.tunelab.trainers.TrainersException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFoldersTest {
    @TempDir
    Path dir;

    private void image(String folder, String name, Color colour, int size, String format) throws IOException {
        Files.createDirectories(dir.resolve(folder));
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < size; x++) {
            for (int y = 0; y < size; y++) {
                image.setRGB(x, y, colour.getRGB());
            }
        }
        ImageIO.write(image, format, dir.resolve(folder).resolve(name).toFile());
    }

    private void classes(int perClass) throws IOException {
        for (int i = 0; i < perClass; i++) {
            image("red", "r" + i + ".png", Color.RED, 12, "png");
            image("white", "w" + i + ".jpg", Color.WHITE, 20, "jpg");
        }
    }

    @Test
    void aFolderPerClassBecomesScaledPlanesOfTheRequestedChannels() throws IOException {
        classes(10);

        TrainingData rgb = ImageFolders.load(dir, 8, 6, 3, 0.2, 0.25, 1);
        TrainingData grey = ImageFolders.load(dir, 4, 4, 1, 0.2, 0.25, 1);

        assertThat(rgb.card().classes()).containsExactly("red", "white");
        assertThat(rgb.card().input()).isEqualTo(DataCard.Input.IMAGE);
        assertThat(rgb.splits().test().size()).isEqualTo(4);
        assertThat(rgb.splits().valid().size()).isEqualTo(4);
        assertThat(rgb.splits().train().size()).isEqualTo(12);
        assertThat(rgb.splits().train().exampleShape()).containsExactly(3, 8, 6);
        assertThat(grey.splits().train().exampleShape()).containsExactly(1, 4, 4);
        float[] x = rgb.splits().train().features();
        // the first training example's red plane starts at 0, its green plane at 8 * 6
        if (rgb.splits().train().label(0) == 0) {
            assertThat(x[0]).as("red plane of a red image").isEqualTo(1f);
            assertThat(x[48]).as("green plane of a red image").isEqualTo(0f);
        } else {
            assertThat(x[48]).as("green plane of a white image").isCloseTo(1f, within(0.02f));
        }
    }

    @Test
    void anUnreadableImageIsReportedByItsFile() throws IOException {
        classes(3);
        Files.writeString(dir.resolve("red").resolve("broken.png"), "not an image");

        assertThatThrownBy(() -> ImageFolders.load(dir, 4, 4, 1, 0.2, 0.2, 1)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("broken.png");
    }

    @Test
    void aFolderWithoutClassFoldersIsRefused() throws IOException {
        image(".", "lonely.png", Color.RED, 4, "png");

        assertThatThrownBy(() -> ImageFolders.load(dir, 4, 4, 1, 0.2, 0.2, 1)).isInstanceOf(TrainersException.class)
                .hasMessageContaining("0 class folders");
    }
}
