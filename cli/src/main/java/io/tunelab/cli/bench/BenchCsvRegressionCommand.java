package io.tunelab.cli.bench;

import io.tunelab.bench.training.CsvRegressionBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab bench csv-regression}: the DJL MLP's test RMSE on a generated CSV against the noise's sigma. */
@Command(name = "csv-regression", mixinStandardHelpOptions = true,
        description = "A CSV with a known non-linear target (Friedman #1) and noise sigma, read by the DJL trainers;"
                + " the best MLP trial's test RMSE against the target of 1.2 sigma.")
public final class BenchCsvRegressionCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--rows", defaultValue = "5000", description = "Rows of the CSV (default: ${DEFAULT-VALUE}).")
    int rows;

    @Option(names = "--sigma", defaultValue = "1.0", description = "Noise standard deviation (default: ${DEFAULT-VALUE}).")
    double sigma;

    @Option(names = "--trials", defaultValue = "10", description = "MLP trials (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--epochs", defaultValue = "40", description = "Epochs per trial (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "2", description = "Seed of the data, splits and study (default: ${DEFAULT-VALUE};"
            + " the defaults were chosen on seed 1).")
    long seed;

    @Override
    public Integer call() throws IOException {
        Path dir = Files.createTempDirectory("tunelab-bench-csv-regression-");
        try {
            CsvRegressionBenchmark.Result result = CsvRegressionBenchmark.run(
                    new CsvRegressionBenchmark.Options(dir, rows, sigma, trials, epochs, seed));
            spec.commandLine().getOut().print(result.describe());
            spec.commandLine().getOut().flush();
        } finally {
            BenchOutput.deleteTree(dir);
        }
        return 0;
    }
}
