package io.tunelab.cli.bench;

import io.tunelab.bench.bbob.BbobBenchmark;
import io.tunelab.bench.bbob.BootstrapCounts;
import io.tunelab.cli.error.CliException;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap N} and {@code --bootstrap-seed S} of {@code bench bbob} and {@code bench bbob-report}: the peer
 * counts' ranges over resampled runs ({@link BootstrapCounts}).
 */
final class BootstrapOption {
    @Option(names = "--bootstrap", defaultValue = "0", paramLabel = "N",
            description = "Also print each peer count with its 5-95%% range over N bootstrap resamples of every sampler's"
                    + " runs per function (default: ${DEFAULT-VALUE}, none; 1000 is plenty): how far the runs decide it.")
    int resamples;

    @Option(names = "--bootstrap-seed", defaultValue = "1", paramLabel = "S",
            description = "Seed of the bootstrap resamples (default: ${DEFAULT-VALUE}).")
    long seed;

    /** Fails, naming the value, unless {@code --bootstrap} is a number of resamples (checked before a long run). */
    void validate() {
        if (resamples < 0) {
            throw new CliException("--bootstrap must be a number of resamples >= 0 (0: none), got " + resamples);
        }
    }

    /** The ranges' table for {@code rows}, empty without {@code --bootstrap}. */
    String table(List<BbobBenchmark.Row> rows) {
        validate();
        return BootstrapCounts.table(rows, resamples, seed);
    }
}
