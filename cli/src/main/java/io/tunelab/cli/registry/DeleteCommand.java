package io.tunelab.cli.registry;

import io.tunelab.cli.error.CliException;
import io.tunelab.cli.query.StorageUrlOption;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.DeletedStudy;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
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
 * keeps its source trial and artifact), are refused naming them. So is a study whose workers are running trials (RUNNING
 * with a fresh heartbeat, after stale ones are reaped as any worker would), unless {@code --force}: its workers then stop,
 * saying the study was deleted.
 */
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = {"Delete a study: its trials, parameters, values, attributes, metric series, summaries,"
                + " artifact records and artifact files. Cannot be undone.",
                "Asks for confirmation on a terminal; without a terminal (scripts) --yes is required. A study a model"
                        + " version was registered from is refused.",
                "A study with trials running (a fresh heartbeat) is refused unless --force."})
public final class DeleteCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "The study to delete.")
    String study;

    @Option(names = {"-y", "--yes"}, description = "Delete without asking (needed when not on a terminal).")
    boolean yes;

    @Option(names = "--force", description = "Delete even while workers run trials of the study (they stop, saying so).")
    boolean force;

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
            if (!force) {
                refuseRunning(tracker, s);
            }
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

    /**
     * Refuses deleting {@code s} while trials of it run with a fresh heartbeat (RUNNING trials with heartbeats, once the
     * stale ones are reaped): their workers would lose the study under them.
     */
    private void refuseRunning(Tracker tracker, StudyRecord s) {
        tracker.reapStaleTrials();
        int live = tracker.storage().unsettledTrials(s.id()) - tracker.storage().countTrials(s.id(), EnumSet.of(TrialState.WAITING));
        if (live > 0) {
            List<Integer> numbers = tracker.storage().trials(s.id(), EnumSet.of(TrialState.RUNNING)).stream()
                    .map(FrozenTrial::number).sorted().toList();
            throw new CliException("not deleting study '" + study + "': " + live + (live == 1 ? " trial is" : " trials are")
                    + " running with a fresh heartbeat (trial" + (numbers.size() == 1 ? " " : "s ") + numbers.stream()
                    .map(String::valueOf).collect(Collectors.joining(", ")) + "), so workers are working on it. Stop them"
                    + " first (Ctrl-C or SIGTERM ends their trials as interrupted), or pass --force to delete it anyway"
                    + " (they then stop, saying the study was deleted)");
        }
    }

    /** Asks on the terminal; refuses (an error) when there is none, so a script must say --yes. */
    private boolean confirmed(PrintWriter out, int trials) {
        String count = trials + " trial" + (trials == 1 ? "" : "s");
        return TerminalConfirmation.confirmed(out, "Delete study '" + study + "' with its " + count
                + ", metrics and artifacts?", "not deleting study '" + study + "' (" + count + ") without confirmation:"
                + " there is no terminal to ask on; pass --yes to delete it");
    }
}
