package io.tunelab.search.study;

import io.tunelab.search.trial.Constraints;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.ParetoFront;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/**
 * The best-trial queries of a {@link Study} ({@link Study#bestTrial}, {@link Study#findBestTrial}, {@link
 * Study#bestTrials}), answered from the COMPLETE trials of a view as stored now: a trial that violates a constraint
 * (see {@link Constraints}) is never among the best. Thread-safe when the view is.
 */
final class BestTrials {
    private final StudyView study;

    BestTrials(StudyView study) {
        this.study = study;
    }

    /** See {@link Study#bestTrial()}: throws a {@link StudyException} saying why there is no best trial. */
    FrozenTrial best() {
        if (study.isMultiObjective()) {
            throw new StudyException("study '" + study.name() + "' has " + study.directions().size() + " objectives, so no"
                    + " single best trial; bestTrials() gives its Pareto-optimal trials, as Optuna's best_trials");
        }
        List<FrozenTrial> complete = complete();
        return Constraints.bestFeasible(complete, study.direction()).orElseThrow(() -> new StudyException("study '"
                + study.name() + "' has " + (complete.isEmpty() ? "no COMPLETE trial yet"
                : "no feasible trial: all " + complete.size() + " COMPLETE trials violate a constraint")));
    }

    /** See {@link Study#findBestTrial()}. */
    Optional<FrozenTrial> find() {
        return Constraints.feasible(complete()).isEmpty() ? Optional.empty() : Optional.of(best());
    }

    /** See {@link Study#bestTrials()}. */
    List<FrozenTrial> front() {
        return ParetoFront.of(Constraints.feasible(complete()), study.directions());
    }

    private List<FrozenTrial> complete() {
        return study.trials(EnumSet.of(TrialState.COMPLETE));
    }
}
