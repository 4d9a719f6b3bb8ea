package io.tunelab.cli.query;

import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/**
 * {@code tunelab studies}: every study with its directions, trial counts by state (and of COMPLETE
 * trials that violate a constraint) and best value, among the trials whose constraints hold.
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
        for (StudyRecord s : storage.studies()) {
            List<FrozenTrial> trials = storage.trials(s.id(), EnumSet.allOf(TrialState.class));
            Map<TrialState, Integer> counts = new EnumMap<>(TrialState.class);
            trials.forEach(t -> counts.merge(t.state(), 1, Integer::sum));
            List<FrozenTrial> complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
            List<FrozenTrial> feasible = Constraints.feasible(complete);
            Object best = s.directions().size() != 1 ? ""
                    : Constraints.bestFeasible(feasible, s.directions().get(0)).<Object>map(FrozenTrial::value).orElse("");
            rows.add(List.of(s.name(), s.directions().toString().toLowerCase(java.util.Locale.ROOT),
                    trials.size(), counts.getOrDefault(TrialState.COMPLETE, 0), counts.getOrDefault(TrialState.PRUNED, 0),
                    counts.getOrDefault(TrialState.FAIL, 0), counts.getOrDefault(TrialState.RUNNING, 0),
                    complete.size() - feasible.size(), best));
        }
        out.print(new TextTable(List.of("study", "directions", "trials", "complete", "pruned", "failed", "running",
                "infeasible", "best"),
                rows).render(format));
        out.flush();
        return 0;
    }
}
