package io.tunelab.cli.registry;

import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.DeletedStudy;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab delete STUDY} (Optuna's {@code delete-study}): deletes a study with its trials, parameters, values,
 * attributes, metric series, summaries, provenance, artifact records and the artifact files the tracker copied for it.
 * Asks on a terminal; without one (a script, a pipe) it deletes only with {@code --yes} and otherwise refuses with
 * exit code 2, deleting nothing. A missing study, and a study a registered model version was made from (the version
 * keeps its source trial and artifact), are refused naming them.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a study: its trials, parameters, values, attributes, metric series, summaries,"
                + " artifact records and artifact files. Cannot be undone.",
                "Asks for confirmation on a terminal; without a terminal (scripts) --yes is required. A study a model"
                        + " version was registered from is refused."})
public final class DeleteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study to delete.")
    String study;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking (needed when not on a terminal).")
    boolean yes;

    @Mixin
    StorageUrlOption storage;

    @Spec
    CommandSpec spec;

    private final Wiring wiring;

    DeleteCommand(Wiring wiring) {
        this.wiring = wiring;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Tracker tracker = wiring.openExistingTracker(storage.access())) {
            StudyRecord s = tracker.storage().findStudy(study).orElseThrow(() -> StorageException.notFound(
                    "no study named '" + study + "'; `tunelab studies` lists the studies"));
            int trials = tracker.storage().countTrials(s.id(), EnumSet.allOf(TrialState.class));
            if (!yes && !confirmed(out, trials)) {
                out.println("Nothing deleted.");
                out.flush();
                return 0;
            }
            DeletedStudy d = tracker.deleteStudy(study);
            out.println("Deleted study '" + d.study() + "': " + d.trials() + " trial" + (d.trials() == 1 ? "" : "s")
                    + ", " + d.artifactFiles() + " artifact file" + (d.artifactFiles() == 1 ? "" : "s") + ".");
        }
        out.flush();
        return 0;
    }

    /** Asks on the terminal; refuses (an error) when there is none, so a script must say --yes. */
    private boolean confirmed(PrintWriter out, int trials) {
        String count = trials + " trial" + (trials == 1 ? "" : "s");
        return TerminalConfirmation.confirmed(out, "Delete study '" + study + "' with its " + count
                + ", metrics and artifacts?", "not deleting study '" + study + "' (" + count + ") without confirmation:"
                + " there is no terminal to ask on; pass --yes to delete it");
    }
}
