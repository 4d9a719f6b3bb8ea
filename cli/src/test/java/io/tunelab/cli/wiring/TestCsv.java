package io.tunelab.cli.wiring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

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
}
