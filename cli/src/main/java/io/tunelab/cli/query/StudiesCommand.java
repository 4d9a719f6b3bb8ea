package io.tunelab.cli.query;

import io.tunelab.cli.output.TextTable;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;

/** {@code tunelab studies}: every study with its directions, trial counts by state and best value. */
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
            Double best = null;
            if (s.directions().size() == 1) {
                Direction d = s.directions().get(0);
                for (FrozenTrial t : trials) {
                    if (t.state() == TrialState.COMPLETE && (best == null || d.better(t.value(), best))) {
                        best = t.value();
                    }
                }
            }
            rows.add(List.of(s.name(), s.directions().toString().toLowerCase(java.util.Locale.ROOT),
                    trials.size(), counts.getOrDefault(TrialState.COMPLETE, 0), counts.getOrDefault(TrialState.PRUNED, 0),
                    counts.getOrDefault(TrialState.FAIL, 0), counts.getOrDefault(TrialState.RUNNING, 0),
                    best == null ? "" : best));
        }
        out.print(new TextTable(List.of("study", "directions", "trials", "complete", "pruned", "failed", "running", "best"),
                rows).render(format));
        out.flush();
        return 0;
    }
}
