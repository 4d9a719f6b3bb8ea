package io.tunelab.cli.bench;

import io.tunelab.bench.storage.BenchResult;
import io.tunelab.bench.tensorboard.TensorBoardBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tunelab bench tensorboard}: events-file write and read rates and import into the embedded database. */
@Command(name = "tensorboard", mixinStandardHelpOptions = true,
        description = "TensorBoard event files: write, read and import points/s into an embedded H2 tracker, beside"
                + " the same points logged directly (CSV: metric,value,unit).")
public final class BenchTensorBoardCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "10", description = "Run directories (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--steps", defaultValue = "10000", description = "Steps per tag, 10 tags a run (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the figures as CSV.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || steps < 1) {
            throw new IllegalArgumentException("--runs and --steps must be positive, got " + runs + " and " + steps);
        }
        Path dir = Files.createTempDirectory("tunelab-bench-tensorboard-");
        List<BenchResult> results;
        try {
            results = TensorBoardBenchmark.run(new TensorBoardBenchmark.Options(dir, runs, steps));
        } finally {
            BenchOutput.deleteTree(dir);
        }
        BenchOutput.print(spec.commandLine().getOut(), results, out);
        return 0;
    }
}
