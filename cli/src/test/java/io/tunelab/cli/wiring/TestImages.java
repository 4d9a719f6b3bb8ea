package io.tunelab.cli.wiring;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Image folders for tests: one sub-folder per class of small grey PNGs. */
public final class TestImages {
    private TestImages() {
    }

    /** A 10×10 grey image of one level (0 to 255). */
    public static BufferedImage grey(int level) {
        BufferedImage image = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        for (int p = 0; p < 100; p++) {
            image.setRGB(p % 10, p / 10, (level << 16) | (level << 8) | level);
        }
        return image;
    }

    /** {@code dir/dark} and {@code dir/light}, 30 PNGs each of levels 20..49 and 200..229; returns {@code dir}. */
    public static Path darkAndLight(Path dir) throws IOException {
        for (String kind : new String[] {"dark", "light"}) {
            Files.createDirectories(dir.resolve(kind));
            for (int i = 0; i < 30; i++) {
                ImageIO.write(grey(kind.equals("dark") ? 20 + i : 200 + i), "png", dir.resolve(kind).resolve(i + ".png").toFile());
            }
        }
        return dir;
    }
}
