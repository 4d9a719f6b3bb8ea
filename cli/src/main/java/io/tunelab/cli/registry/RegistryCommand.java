package io.tunelab.cli.registry;

import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.tracker.registry.ModelRegistry;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the commands that read or change the model registry of an existing tracker share ({@code describe},
 * {@code archive}, {@code alias}, {@code delete-model}): the {@code --storage} options, the command's spec for its
 * output, and opening the tracker for one piece of work.
 */
abstract class RegistryCommand implements Callable<Integer> {

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    RegistryCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    /** Work on the registry, writing to the command's output. */
    @FunctionalInterface
    interface RegistryWork {
        void run(ModelRegistry registry, PrintWriter out);
    }

    /** Opens the tracker, does {@code work} on its registry, closes the tracker and flushes the output; exit code 0. */
    final Integer withRegistry(RegistryWork work) {
        PrintWriter out = spec.commandLine().getOut();
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            work.run(tracker.registry(), out);
        }
        out.flush();
        return 0;
    }
}
