package io.tunelab.cli.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tunelab bench}: benchmarks of the search engine. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Benchmarks: sampler regret on the problems of PROBLEMS.md, and sampler cost per ask.",
        subcommands = {BenchSamplersCommand.class, BenchAskCostCommand.class})
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
