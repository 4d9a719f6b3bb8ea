package io.tunelab.search.study;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FilteredStudyView;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The view samplers get: the study's trials without those holding a parameter value outside its distribution,
 * which only an enqueued trial can (Optuna lets it use such a value, with a warning). Samplers work on the unit
 * cube of their distributions, where such a value has no place, so they learn nothing from that trial.
 * {@link #countTrials} is the underlying study's count, which no sampler compares with the listed trials.
 * Immutable; as thread-safe as the underlying view.
 *
 * @param study the underlying view
 */
record InRangeView(StudyView study) implements FilteredStudyView {

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        List<FrozenTrial> all = study.trials(states);
        return all.stream().allMatch(InRangeView::inRange) ? all : all.stream().filter(InRangeView::inRange).toList();
    }

    @Override
    public int countTrials(Set<TrialState> states) {
        return study.countTrials(states);
    }

    /** Whether every parameter of {@code trial} lies in its distribution. */
    static boolean inRange(FrozenTrial trial) {
        for (Map.Entry<String, Distribution> e : trial.distributions().entrySet()) {
            if (!e.getValue().contains(trial.internalParam(e.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
