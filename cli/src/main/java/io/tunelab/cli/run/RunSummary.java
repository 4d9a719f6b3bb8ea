package io.tunelab.cli.run;

import io.tunelab.cli.output.TextTable;
import io.tunelab.search.study.FailFast;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@code tunelab run} (and {@code demo}, {@code worker}) says when a study ends: its counts, its best trials and
 * where it is stored, and why the run counts as failed when it does. Stateless.
 */
public final class RunSummary {
    private RunSummary() {
    }

    /** Prints the summary of {@code done}, stored at {@code storageUrl}, to {@code out}. */
    public static void print(PrintWriter out, Study done, String storageUrl) {
        out.println();
        out.println(counts(done));
        TextTable best = summary(done, 5);
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

    /**
     * Why the study stopped before its budget, when its first {@code fail_fast} trials all failed alike
     * (see {@link FailFast}): the lines to print, with what to do.
     */
    public static Optional<String> failedFast(Study study) {
        return FailFast.recordedReason(study).map(reason -> "study '" + study.name() + "' stopped: " + reason
                + System.lineSeparator() + "Fix what the message names (the trainer's options, the data, the study file)"
                + " and run again: the study resumes to its budget. `fail_fast: 0` in the study file turns this check off.");
    }

    /**
     * Why the run counts as failed when no trial of the study completed and at least one failed: how many failed and the
     * first failure's message, with what to do; empty otherwise (a study with a COMPLETE trial, or only pruned ones).
     */
    public static Optional<String> nothingCompleted(Study study) {
        List<FrozenTrial> trials = study.trials();
        List<FrozenTrial> failed = trials.stream().filter(t -> t.state() == TrialState.FAIL)
                .sorted(Comparator.comparingInt(FrozenTrial::number)).toList();
        if (failed.isEmpty() || trials.stream().anyMatch(t -> t.state() == TrialState.COMPLETE)) {
            return Optional.empty();
        }
        return Optional.of("no trial of study '" + study.name() + "' completed: " + failed.size() + " failed;"
                + " the first (trial " + failed.get(0).number() + "): " + failed.get(0).message());
    }

    /**
     * One line of counts: {@code Study 'x': 12 complete, 3 pruned, 0 failed.}, with
     * {@code 12 complete (4 violating a constraint)} when some COMPLETE trials are infeasible.
     */
    public static String counts(Study study) {
        Map<TrialState, Long> counts = study.trials().stream().collect(
                Collectors.groupingBy(FrozenTrial::state, () -> new EnumMap<>(TrialState.class), Collectors.counting()));
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        int infeasible = complete.size() - Constraints.feasible(complete).size();
        return "Study '" + study.name() + "': " + counts.getOrDefault(TrialState.COMPLETE, 0L) + " complete"
                + (infeasible == 0 ? "" : " (" + infeasible + " violating a constraint)") + ", "
                + counts.getOrDefault(TrialState.PRUNED, 0L) + " pruned, " + counts.getOrDefault(TrialState.FAIL, 0L)
                + " failed.";
    }

    /**
     * The best trials (up to {@code n}, best first; the Pareto front for several objectives) as a table,
     * among the trials whose constraints hold (empty when none does).
     */
    public static TextTable summary(Study study, int n) {
        List<FrozenTrial> best;
        if (study.isMultiObjective()) {
            best = study.bestTrials();
        } else {
            Direction d = study.direction();
            best = new ArrayList<>(Constraints.feasible(study.trials(EnumSet.of(TrialState.COMPLETE))));
            best.sort(Comparator.comparingDouble(t -> d.asLoss(t.value())));
            best = best.subList(0, Math.min(n, best.size()));
        }
        List<String> params = new ArrayList<>();
        best.forEach(t -> t.params().keySet().stream().filter(p -> !params.contains(p)).forEach(params::add));
        List<String> columns = new ArrayList<>(List.of("trial"));
        for (int i = 0; i < study.directions().size(); i++) {
            columns.add(study.directions().size() == 1 ? "value" : "value_" + i);
        }
        columns.addAll(params);
        List<List<Object>> rows = new ArrayList<>();
        for (FrozenTrial t : best) {
            List<Object> row = new ArrayList<>();
            row.add(t.number());
            t.values().forEach(row::add);
            params.forEach(p -> row.add(t.params().get(p)));
            rows.add(row);
        }
        return new TextTable(columns, rows);
    }
}
