package io.tunelab.trainers.testing;

import io.tunelab.trainers.sources.CsvDatasets;
import io.tunelab.trainers.sources.TrainingData;
import io.tunelab.trainers.tabular.CsvOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/** Small synthetic regressions for tests: rows drawn from a seeded generator, written as a CSV file and loaded. */
public final class RegressionCsv {
    /** The fraction of rows held out for testing, and the seed of the split. */
    private static final double TEST_FRACTION = 0.2;
    private static final long SPLIT_SEED = 3;

    /** Draws one row's values, in the order of the header's columns, the target last. */
    @FunctionalInterface
    public interface Row {
        double[] draw(SplittableRandom random);
    }

    private RegressionCsv() {
    }

    /**
     * Writes {@code header} and {@code rows} rows drawn by {@code row} from a generator seeded {@code seed} (six decimals
     * each) to {@code file}, and loads it as a regression on column {@code y}, a fifth of the rows held out for testing and
     * {@code validFraction} for validation.
     */
    public static TrainingData load(Path file, String header, long seed, int rows, double validFraction, Row row)
            throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < rows; i++) {
            csv.append(Arrays.stream(row.draw(random)).mapToObj(v -> String.format(Locale.ROOT, "%.6f", v))
                    .collect(Collectors.joining(","))).append(System.lineSeparator());
        }
        Files.writeString(file, csv.toString());
        return CsvDatasets.load(file, CsvOptions.regression("y"), TEST_FRACTION, validFraction, SPLIT_SEED);
    }

    /**
     * A noisy regression ({@code noisy.csv} in {@code dir}): 200 rows of {@code y = sin(3a)·b} plus Gaussian noise with a
     * heavy tail (one row in ten is off by much more), on which RMSE and MAE rank epochs apart; with a learning rate too
     * high for it, the epochs' metrics go up and down. 30 % of the rows are for validation.
     */
    public static TrainingData noisy(Path dir) throws IOException {
        return load(dir.resolve("noisy.csv"), "a,b,y", 12, 200, 0.3, random -> {
            double a = random.nextDouble(-1, 1);
            double b = random.nextDouble(-1, 1);
            double noise = (random.nextInt(10) == 0 ? 3 : 0.3) * random.nextGaussian();
            return new double[] {a, b, Math.sin(3 * a) * b + noise};
        });
    }
}
