package io.tunelab.cli.run;

import io.tunelab.cli.output.TextTable;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.util.EnumSet;

/** What {@code tunelab run} prints when a study ends: its counts, its best trials and where it is stored. */
public final class RunSummary {
    private RunSummary() {
    }

    /** Prints the summary of {@code done}, stored at {@code storageUrl}, to {@code out}. */
    public static void print(PrintWriter out, Study done, String storageUrl) {
        out.println();
        out.println(StudyRunner.counts(done));
        TextTable best = StudyRunner.summary(done, 5);
        if (!best.rows().isEmpty()) {
            out.println(done.isMultiObjective() ? "Pareto-optimal trials:" : "Best trials:");
            out.print(best.text());
        } else if (!done.trials(EnumSet.of(TrialState.COMPLETE)).isEmpty()) {
            out.println("No best trial: every COMPLETE trial violates a constraint of the study file.");
        }
        out.println(storageUrl.startsWith("memory:") ? "Kept in memory: nothing was stored, and the trials are gone when"
                + " this command ends (give --storage DIR to keep them)." : "Stored in " + StorageUrls.redacted(storageUrl)
                + " (see `tunelab trials " + StorageUrls.shellQuoted(done.name()) + " --storage "
                + StorageUrls.shellQuoted(StorageUrls.redacted(storageUrl)) + "`).");
        out.flush();
    }
}
