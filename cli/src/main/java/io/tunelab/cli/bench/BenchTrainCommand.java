package io.tunelab.cli.bench;

import io.tunelab.cli.error.CliException;
import io.tunelab.trainers.TrainersException;
import io.tunelab.bench.training.TrainBenchmark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab bench train}: trains the book's Fashion-MNIST network and reports time per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Trains the book's Fashion-MNIST MLP (784-300-100-10, SGD 0.01, batch 32) or CNN on images"
                + " 5,000-59,999, validating on 0-4,999 (CSV: epoch,train_seconds,samples_per_s,val_accuracy).")
public final class BenchTrainCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", defaultValue = "mlp", paramLabel = "mlp|cnn", description = "Network (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--epochs", defaultValue = "5", paramLabel = "N", description = "Epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T",
            description = "PyTorch intra-op threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--out", paramLabel = "FILE.csv", description = "Also write the rows as CSV.")
    Path out;

    @Mixin
    DataDirOption data;

    @Option(names = "--train-limit", defaultValue = "0", paramLabel = "N",
            description = "Train on the first N images only (default: all 55,000).")
    int trainLimit;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "S",
            description = "Weights and shuffling seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        TrainBenchmark.Options options;
        try {
            options = new TrainBenchmark.Options(model.toLowerCase(Locale.ROOT), epochs, threads, out, data.dir(),
                    trainLimit, seed, false);
        } catch (TrainersException e) {
            throw new CliException(e.getMessage(), e);
        }
        TrainBenchmark.run(options, spec.commandLine().getOut());
        if (out != null) {
            spec.commandLine().getOut().println("wrote " + out);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
