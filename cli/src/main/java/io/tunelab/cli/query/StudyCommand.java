package io.tunelab.cli.query;

import io.tunelab.cli.output.Format;
import io.tunelab.cli.output.FormatConverter;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** What every read command shares: the storage option, the output format, and opening the storage for reading. */
abstract class StudyCommand implements Callable<Integer> {
    final Wiring wiring;

    @Mixin
    StorageUrlOption storage;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).", converter = FormatConverter.class)
    Format format;

    @Spec
    CommandSpec spec;

    StudyCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public final Integer call() {
        try (TrialStorage s = wiring.openStorageForReading(storage.access())) {
            return run(s, spec.commandLine().getOut());
        }
    }

    abstract int run(TrialStorage storage, PrintWriter out);

    static StudyRecord study(TrialStorage storage, String name) {
        return Studies.named(storage, name);
    }
}
