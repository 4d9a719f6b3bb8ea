package io.tunelab.cli.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.SplittableRandom;

/** CSV data sets for tests, written to a directory from a fixed seed. */
public final class TestCsv {
    private TestCsv() {
    }

    /** {@code dir/data.csv}: {@code rows} rows of x1, x2, x3 and a target y that depends on all three. */
    public static Path regression(Path dir, int rows) throws IOException {
        Random random = new Random(17);
        StringBuilder csv = new StringBuilder("x1,x2,x3,y\n");
        for (int i = 0; i < rows; i++) {
            double x1 = random.nextGaussian();
            double x2 = random.nextGaussian();
            double x3 = random.nextGaussian();
            csv.append(String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f%n", x1, x2, x3,
                    3 * x1 - 2 * x2 + Math.sin(3 * x3) + 0.3 * random.nextGaussian()));
        }
        return Files.writeString(dir.resolve("data.csv"), csv);
    }

    /** {@code dir/data.csv}: {@code rows} rows of 3 classes (y = c0, c1, c2) of 16 noisy features f0 ... f15. */
    public static Path noisyClasses(Path dir, int rows) throws IOException {
        SplittableRandom random = new SplittableRandom(17);
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < 16; j++) {
            text.append('f').append(j).append(',');
        }
        text.append("y\n");
        for (int i = 0; i < rows; i++) {
            int y = random.nextInt(3);
            for (int j = 0; j < 16; j++) {
                text.append(String.format(Locale.ROOT, "%.5f,", (j % 3 == y ? 0.8 : 0.0) + random.nextGaussian()));
            }
            text.append('c').append(y).append('\n');
        }
        return Files.writeString(dir.resolve("data.csv"), text);
    }
}
