package io.tunelab.search.sampler;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters that every COMPLETE trial of a study has, each with one and the same distribution:
 * the space relative samplers (GP, NSGA-II, multivariate TPE) can sample jointly. Parameters keep the
 * order in which the first complete trial suggested them. Updated incrementally through {@link NewTrials}
 * (each finished trial is read once), so when trials finish in number order a call costs time in the
 * number of newly finished trials only. Thread-safe.
 */
public final class IntersectionSearchSpace {
    private final NewTrials newTrials = new NewTrials();
    private Map<String, Distribution> space;

    /** The current intersection, empty while no trial is complete. */
    public synchronized Map<String, Distribution> compute(StudyView study) {
        return compute(study.trials(EnumSet.of(TrialState.COMPLETE)));
    }

    /** The intersection over {@code completeTrials} and every trial seen before. */
    public synchronized Map<String, Distribution> compute(List<FrozenTrial> completeTrials) {
        for (FrozenTrial t : newTrials.since(completeTrials)) {
            if (space == null) {
                space = new LinkedHashMap<>(t.distributions());
            } else {
                space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
            }
        }
        return space == null ? Map.of() : new LinkedHashMap<>(space);
    }
}
