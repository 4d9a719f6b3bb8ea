package io.tunelab.trainers.testing;

import io.tunelab.search.pruner.PruneDecision;
import io.tunelab.search.pruner.Pruner;
import io.tunelab.search.storage.InMemoryStorage;
import io.tunelab.search.study.Study;
import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.FrozenTrial;

/** In-memory studies for tests. */
public final class TestStudies {
    private TestStudies() {
    }

    public static Study maximizing(String name) {
        return Study.builder(name).storage(new InMemoryStorage()).direction(Direction.MAXIMIZE).seed(42).create();
    }

    public static Study maximizing(String name, Pruner pruner) {
        return Study.builder(name).storage(new InMemoryStorage()).direction(Direction.MAXIMIZE).seed(42).pruner(pruner).create();
    }

    /** A pruner that prunes every trial once it has reported step {@code step}. */
    public static Pruner pruneAtStep(int step) {
        return (study, trial) -> trial.intermediateValues().containsKey(step)
                ? PruneDecision.prune(step, trial.intermediateValues().get(step), Double.NaN, "test pruner: stop at step " + step)
                : PruneDecision.keep("before step " + step);
    }

    /** The stored snapshot of trial {@code number}. */
    public static FrozenTrial trial(Study study, int number) {
        return study.storage().trialByNumber(study.studyId(), number);
    }
}
