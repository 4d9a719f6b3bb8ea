package io.tunelab.cli.query;

import io.tunelab.cli.output.Format;
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
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Command;

/**
 * {@code tunelab studies}: every study with its directions, trial counts by state (and of COMPLETE
 * trials that violate a constraint) and best value, among the trials whose constraints hold; as CSV or JSON also the
 * user attributes set on the studies ({@code user_attr:NAME} columns, as {@code tunelab trials} shows a trial's), too
 * wide for the table. On a tracker database the summaries are aggregates the database computes (no trial is loaded).
 */
@Command(name = "studies", mixinStandardHelpOptions = true,
        description = "List the studies in the storage with trial counts and best values.")
public final class StudiesCommand extends StudyCommand {

    StudiesCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        List<StudySummary> studies = summaries(storage);
        Set<String> attrs = new TreeSet<>();
        if (format != Format.TABLE) {
            studies.forEach(s -> attrs.addAll(s.userAttrs().keySet()));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (StudySummary s : studies) {
            Map<TrialState, Integer> counts = s.counts();
            Object best = s.directions().size() != 1 || s.bestValues().isEmpty() ? null : s.bestValues().get(0);
            if (s.directions().size() > 1 && s.paretoSize() > 0) {
                best = new TextTable.Cell("Pareto front: " + Numbers.count(s.paretoSize(), "trial"),
                        Map.of("pareto_front", s.paretoSize()));
            }
            List<String> directions = s.directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList();
            List<Object> row = new ArrayList<>(Arrays.<Object>asList(s.name(),
                    new TextTable.Cell(directions.toString(), directions), s.totalTrials(), counts.get(TrialState.COMPLETE),
                    counts.get(TrialState.PRUNED), counts.get(TrialState.FAIL), counts.get(TrialState.RUNNING),
                    s.infeasible(), best));
            attrs.forEach(a -> row.add(s.userAttrs().get(a)));
            rows.add(row);
        }
        List<String> columns = new ArrayList<>(List.of("study", "directions", "trials", "complete", "pruned", "failed",
                "running", "infeasible", "best"));
        attrs.forEach(a -> columns.add("user_attr:" + a));
        out.print(new TextTable(columns, rows).render(format));
        out.flush();
        return 0;
    }

    /** Computed by the database for a tracker, without loading trials; from the trials for any other storage. */
    private static List<StudySummary> summaries(TrialStorage storage) {
        return Tracker.queriesOf(storage).map(TrackerQueries::studies).orElseGet(() -> storage.studies().stream()
                .map(s -> StudySummary.of(s, storage.trials(s.id(), EnumSet.allOf(TrialState.class)))).toList());
    }
}
