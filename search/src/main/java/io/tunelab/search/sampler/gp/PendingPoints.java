package io.tunelab.search.sampler.gp;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.space.SearchSpaceTransform;
import io.tunelab.search.trial.FrozenTrial;
import io.tunelab.search.trial.StudyView;
import io.tunelab.search.trial.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the trials still running are, so that the GP can condition on them with a lie (constant liar,
 * Ginsbourger, Le Riche and Carraro 2010) and parallel workers stop proposing the same point. A running
 * trial's point comes from its stored parameters when it has suggested every parameter of the space
 * (this covers other processes sharing the study), else from what this sampler proposed for it.
 * Thread-safe.
 */
final class PendingPoints {
    private final Map<Integer, Map<String, Double>> proposed = new ConcurrentHashMap<>();

    /** Remembers what this sampler proposed for trial {@code number} (internal values). */
    void remember(int number, Map<String, Double> internal) {
        proposed.put(number, internal);
    }

    /** The unit-cube points of the running trials other than {@code current}, in trial-number order. */
    List<double[]> of(StudyView study, FrozenTrial current, SearchSpaceTransform transform) {
        List<FrozenTrial> running = study.trials(EnumSet.of(TrialState.RUNNING));
        Set<Integer> stillRunning = new HashSet<>();
        List<double[]> points = new ArrayList<>();
        for (FrozenTrial t : running) {
            stillRunning.add(t.number());
            if (t.number() == current.number()) {
                continue;
            }
            Map<String, Double> internal = fromParams(t, transform.space());
            if (internal == null) {
                internal = proposed.get(t.number());
            }
            if (internal != null && internal.keySet().containsAll(transform.names())) {
                points.add(transform.toUnit(internal));
            }
        }
        proposed.keySet().removeIf(n -> n < current.number() && !stillRunning.contains(n));
        return points;
    }

    private static Map<String, Double> fromParams(FrozenTrial t, Map<String, Distribution> space) {
        Map<String, Double> internal = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : space.entrySet()) {
            if (!e.getValue().equals(t.distributions().get(e.getKey()))) {
                return null;
            }
            internal.put(e.getKey(), t.internalParam(e.getKey()));
        }
        return internal;
    }
}
