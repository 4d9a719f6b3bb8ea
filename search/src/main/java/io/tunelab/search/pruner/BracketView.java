package io.tunelab.search.pruner;

import io.tunelab.search.trial.FilteredStudyView;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/** A study seen through one Hyperband bracket: only the trials whose number belongs to it. */
record BracketView(StudyView study, IntPredicate inBracket) implements FilteredStudyView {

    @Override
    public List<FrozenTrial> trials(Set<TrialState> states) {
        return study.trials(states).stream().filter(t -> inBracket.test(t.number())).toList();
    }
}
