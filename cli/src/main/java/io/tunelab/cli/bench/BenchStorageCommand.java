package io.tunelab.cli.bench;

import io.tunelab.bench.storage.BenchResult;
import io.tunelab.bench.storage.StorageBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tunelab bench storage}: metric ingest through the batched writer, trial throughput, and reads
 * of a large study, against an embedded H2 database in a temporary directory (CSV: metric,value,unit).
 */
@Command(name = "storage", mixinStandardHelpOptions = true,
        description = "Tracker figures: the disk's fsync rate, metric ingest points/s (min/median/max of --repeats, time"
                + " per stage), trials/s, large-study reads (CSV: metric,value,unit).")
public final class BenchStorageCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--points", defaultValue = "1000000",
            description = "Metric points per ingest measurement (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--repeats", defaultValue = "5",
            description = "Ingest measurements, reported as min, median and max (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--storage", paramLabel = "URL",
            description = "Measure this database instead of an embedded H2 file, e.g. jdbc:postgresql://127.0.0.1/tunelab"
                    + " (give its user and password in the URL).")
    String storage;

    @Option(names = "--trials", defaultValue = "10000", description = "Trials to run and list (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--series", defaultValue = "100000", description = "Points in the series read back (default: ${DEFAULT-VALUE}).")
    int series;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the figures as CSV.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (points < 1 || repeats < 1 || trials < 1 || series < 1) {
            throw new IllegalArgumentException("--points, --repeats, --trials and --series must be positive, got "
                    + points + ", " + repeats + ", " + trials + ", " + series);
        }
        Path dir = Files.createTempDirectory("tunelab-bench-storage-");
        List<BenchResult> results = StorageBenchmark.run(
                new StorageBenchmark.Options(dir, points, repeats, trials, series, storage));
        BenchOutput.print(spec.commandLine().getOut(), results, out);
        return 0;
    }
}
