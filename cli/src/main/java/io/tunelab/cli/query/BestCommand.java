package io.tunelab.cli.query;

import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.ParetoFront;
import io.tunelab.search.trial.TrialState;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab best STUDY}: the best trial (or the Pareto front for several objectives) among the
 * COMPLETE trials whose constraints hold; a trial that violates one is never shown as best.
 */
@Command(name = "best", mixinStandardHelpOptions = true,
        description = "Show the best trial of a study, or its Pareto-optimal trials for several objectives;"
                + " trials that violate a constraint are left out.")
public final class BestCommand extends StudyCommand {

    @Parameters(index = "0", paramLabel = "STUDY", description = "Study name.")
    String study;

    BestCommand(Wiring wiring) {
        super(wiring);
    }

    @Override
    int run(TrialStorage storage, PrintWriter out) {
        StudyRecord s = study(storage, study);
        List<FrozenTrial> all = storage.trials(s.id(), EnumSet.of(TrialState.COMPLETE));
        if (all.isEmpty()) {
            throw StorageException.notFound("study '" + study + "' has no COMPLETE trial yet");
        }
        List<FrozenTrial> best = s.directions().size() == 1
                ? Constraints.bestFeasible(all, s.directions().get(0)).map(List::of).orElse(List.of())
                : ParetoFront.of(Constraints.feasible(all), s.directions());
        if (best.isEmpty()) {
            throw StorageException.notFound("study '" + study + "' has no feasible trial: all " + all.size()
                    + " COMPLETE trials violate a constraint, so none is best (`tunelab trials " + study
                    + "` shows which trials are feasible)");
        }
        out.print(TrialRows.of(best, s.directions().size()).render(format));
        out.flush();
        return 0;
    }
}
