package io.tunelab.search.sampler;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parameters that every COMPLETE trial of a study has, each with one and the same distribution:
 * the space relative samplers (GP, NSGA-II, multivariate TPE) can sample jointly. Parameters keep the
 * order in which the first complete trial suggested them. Updated incrementally (each finished trial
 * is read once), so a call costs a pass over the trial list, not over all parameters of all trials.
 * Thread-safe.
 */
public final class IntersectionSearchSpace {
    private final Set<Long> seen = new HashSet<>();
    private Map<String, Distribution> space;

    /** The current intersection, empty while no trial is complete. */
    public synchronized Map<String, Distribution> compute(StudyView study) {
        return compute(study.trials(EnumSet.of(TrialState.COMPLETE)));
    }

    /** The intersection over {@code completeTrials} and every trial seen before. */
    public synchronized Map<String, Distribution> compute(List<FrozenTrial> completeTrials) {
        for (FrozenTrial t : completeTrials) {
            if (!seen.add(t.id())) {
                continue;
            }
            if (space == null) {
                space = new LinkedHashMap<>(t.distributions());
            } else {
                space.entrySet().removeIf(e -> !e.getValue().equals(t.distributions().get(e.getKey())));
            }
        }
        return space == null ? Map.of() : new LinkedHashMap<>(space);
    }
}
