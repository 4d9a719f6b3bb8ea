package io.tunelab.cli.query;

import io.tunelab.cli.output.Numbers;
import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.StudySummary;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code tunelab studies}: every study with its directions, trial counts by state (and of COMPLETE
 * trials that violate a constraint) and best value, among the trials whose constraints hold. On a tracker
 * database the summaries are aggregates the database computes (no trial is loaded).
 */
@Command(name = "studies", mixinStandardHelpOptions = true,
        description = "List the studies in the storage with trial counts and best values.")
public final class StudiesCommand extends StudyCommand {

    StudiesCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        List<List<Object>> rows = new ArrayList<>();
        for (StudySummary s : summaries(storage)) {
            Map<TrialState, Integer> counts = s.counts();
            Object best = s.directions().size() != 1 || s.bestValues().isEmpty() ? null : s.bestValues().get(0);
            if (s.directions().size() > 1 && s.paretoSize() > 0) {
                best = new TextTable.Cell("Pareto front: " + Numbers.count(s.paretoSize(), "trial"),
                        Map.of("pareto_front", s.paretoSize()));
            }
            List<String> directions = s.directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
            rows.add(Arrays.<Object>asList(s.name(), new TextTable.Cell(directions.toString(), directions),
                    s.totalTrials(), counts.get(TrialState.COMPLETE), counts.get(TrialState.PRUNED),
                    counts.get(TrialState.FAIL), counts.get(TrialState.RUNNING), s.infeasible(), best));
        }
        out.print(new TextTable(List.of("study", "directions", "trials", "complete", "pruned", "failed", "running",
                "infeasible", "best"),
                rows).render(format));
        out.flush();
        return 0;
    }

    /** Computed by the database for a tracker, without loading trials; from the trials for any other storage. */
    private static List<StudySummary> summaries(TrialStorage storage) {
        return Tracker.queriesOf(storage).map(TrackerQueries::studies).orElseGet(() -> storage.studies().stream()
                .map(s -> StudySummary.of(s, storage.trials(s.id(), EnumSet.allOf(TrialState.class)))).toList());
    }
}
