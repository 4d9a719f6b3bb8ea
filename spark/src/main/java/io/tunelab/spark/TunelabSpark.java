package io.tunelab.spark;

import io.tunelab.cli.DefaultWiring;
import io.tunelab.cli.TunelabCommand;
import io.tunelab.cli.wiring.Wiring;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The main class of {@code tunelab-spark.jar}, the application jar for {@code spark-submit}:
 * {@code spark-submit --class io.tunelab.spark.TunelabSpark tunelab-spark.jar run study.yaml --storage URL --parallelism N}.
 */
@Command(name = "tunelab-spark", mixinStandardHelpOptions = true,
        description = "Run Tunelab studies on an Apache Spark cluster.",
        subcommands = {SparkRunCommand.class, CommandLine.HelpCommand.class})
public final class TunelabSpark implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line with {@code wiring} (tests pass their own). */
    public static CommandLine commandLine(Wiring wiring) {
        return TunelabCommand.commandLine(new TunelabSpark(), wiring);
    }

    public static void main(String[] args) {
        TunelabCommand.quietLibraries();
        System.exit(commandLine(new DefaultWiring()).execute(args));
    }
}
