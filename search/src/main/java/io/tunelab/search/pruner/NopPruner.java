package io.tunelab.search.pruner;

import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import java.util.Map;

/** Never prunes. */
public final class NopPruner implements Pruner {
    @Override
    public PruneDecision evaluate(StudyView study, FrozenTrial trial) {
        return PruneDecision.keep("pruning is off");
    }

    @Override
    public Map<String, Object> describe() {
        return Map.of("type", "none");
    }
}
