package io.tunelab.cli.query;

import io.tunelab.cli.output.Format;
import io.tunelab.cli.output.Numbers;
import io.tunelab.cli.wiring.Wiring;
import io.tunelab.search.storage.StorageException;
import io.tunelab.search.storage.StudyRecord;
import io.tunelab.search.storage.TrialStorage;
import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.ParetoFront;
import io.tunelab.search.trial.TrialState;
import io.tunelab.tracker.query.TrackerQueries;
import io.tunelab.tracker.setup.Tracker;
import java.io.PrintWriter;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab best STUDY}: the best trial (or the Pareto front for several objectives) among the
 * COMPLETE trials whose constraints hold; a trial that violates one is never shown as best. On a tracker
 * database only the best trials are loaded (the database finds them).
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
        Optional<TrackerQueries> queries = Tracker.queriesOf(storage);
        List<FrozenTrial> best;
        int complete = -1;
        if (queries.isPresent()) {
            best = queries.get().best(s.id());
        } else {
            List<FrozenTrial> all = storage.trials(s.id(), EnumSet.of(TrialState.COMPLETE));
            best = s.directions().size() == 1
                    ? Constraints.bestFeasible(all, s.directions().get(0)).map(List::of).orElse(List.of())
                    : ParetoFront.of(Constraints.feasible(all), s.directions());
            complete = all.size();
        }
        if (best.isEmpty()) {
            // the tracker's counts are read only to explain an empty answer: one transaction fewer for the usual one
            int n = complete >= 0 ? complete : queries.orElseThrow().study(s.id()).counts().get(TrialState.COMPLETE);
            throw StorageException.notFound(n == 0 ? "study '" + study + "' has no COMPLETE trial yet"
                    : "study '" + study + "' has no feasible trial: all " + n
                    + " COMPLETE trials violate a constraint, so none is best (`tunelab trials " + study
                    + "` shows which trials are feasible)");
        }
        if (format == Format.TABLE && s.directions().size() > 1) {
            out.println("Pareto front of '" + study + "': " + Numbers.count(best.size(), "trial") + ", none beaten in every"
                    + " objective by another");
        }
        out.print(TrialRows.of(best, s.directions().size()).render(format));
        out.flush();
        return 0;
    }
}
