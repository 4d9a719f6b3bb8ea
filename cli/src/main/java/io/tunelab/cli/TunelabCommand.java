package io.tunelab.cli;

import io.tunelab.cli.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tunelab} command: the composition root that wires concrete classes together. */
@Command(name = "tunelab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "AutoML hyperparameter search, experiment tracking and model registry for the JVM.",
        subcommands = {CommandLine.HelpCommand.class, BenchCommand.class})
public final class TunelabCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        return new CommandLine(new TunelabCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
