package io.tunelab.cli.tensorboard;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tunelab export}: writes a study in another tool's format. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a study in another tool's format.",
        subcommands = {TensorBoardExportCommand.class})
public final class ExportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
