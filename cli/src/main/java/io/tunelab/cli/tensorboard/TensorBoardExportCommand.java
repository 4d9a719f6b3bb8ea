package io.tunelab.cli.tensorboard;

import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tensorboard.export.StudyExporter;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tunelab export tensorboard STUDY --out DIR}: one TensorBoard run directory per trial. */
@Command(name = "tensorboard", mixinStandardHelpOptions = true,
        description = "Write STUDY as a TensorBoard logdir: one run per trial (its scalars, objective and HParams session),"
                + " laid out as Keras's TensorBoard callback writes a fit (train/epoch_loss, validation/epoch_loss for"
                + " val_loss, steps from epoch 0), the HParams experiment in the root. Run `tensorboard --logdir DIR`"
                + " to see it.")
public final class TensorBoardExportCommand implements Callable<Integer> {
    private final Wiring wiring;

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study to export.")
    String study;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The logdir to write (new or empty).")
    Path out;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    TensorBoardExportCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            StudyExporter.Exported exported = new StudyExporter(tracker).export(study, out);
            PrintWriter w = spec.commandLine().getOut();
            w.printf("wrote %d runs (%d scalar points) of study '%s' to %s%n", exported.runs(), exported.scalars(), study, out);
            w.flush();
            return 0;
        }
    }
}
