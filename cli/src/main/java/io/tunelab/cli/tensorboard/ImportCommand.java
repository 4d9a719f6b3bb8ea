package io.tunelab.cli.tensorboard;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tunelab import}: loads runs written by another tool into a study. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Load runs written by another tool into a study.",
        subcommands = {TensorBoardImportCommand.class})
public final class ImportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
