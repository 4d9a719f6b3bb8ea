package io.tunelab.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tunelab bench}: benchmarks of the search engine and of training. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: sampler regret on the problems of PROBLEMS.md and on BBOB, sampler cost per ask, training"
                + " time per epoch on Fashion-MNIST, tracker storage figures, dashboard latency and page load at 10,000"
                + " trials, dashboard throughput under concurrent clients, and TensorBoard event-file import.",
        subcommands = {BenchSamplersCommand.class, BenchBbobCommand.class, BenchBbobReportCommand.class, BenchAskCostCommand.class,
                BenchTrainCommand.class, BenchStorageCommand.class, BenchDashboardCommand.class, BenchDashboardLoadCommand.class,
                BenchTensorBoardCommand.class, BenchCsvRegressionCommand.class, BenchImagesCommand.class,
                BenchPeersCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
