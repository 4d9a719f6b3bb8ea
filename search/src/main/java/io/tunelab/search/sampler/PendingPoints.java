package io.tunelab.search.sampler;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the trials still running are, for a sampler that keeps parallel workers apart: the GP conditions on them with
 * a lie (constant liar, Ginsbourger, Le Riche and Carraro 2010), TPE keeps off them in spaces of finitely many values
 * ({@link KnownPoints}). A running trial's point comes from its stored parameters when it has suggested every
 * parameter of the space (this covers other processes sharing the study), else from what this sampler proposed for it
 * ({@link #remember}): a trial's proposal is decided when it is asked, and stored only as the objective suggests its
 * parameters, so a worker asking in between would otherwise see a running trial with no point. Trials are told apart
 * by number, so one instance serves one study. Thread-safe.
 */
public final class PendingPoints {
    private final Map<Integer, Map<String, Double>> proposed = new ConcurrentHashMap<>();

    /** Remembers what this sampler proposed for trial {@code number} (internal values by name). */
    public void remember(int number, Map<String, Double> internal) {
        proposed.put(number, Map.copyOf(internal));
    }

    /**
     * The points (internal values by name) in {@code space} of the {@code running} trials other than {@code current},
     * in the order given; a trial that has neither suggested every parameter of {@code space} with its distribution nor
     * been proposed a value for each is left out. Proposals remembered for trials numbered below {@code current}'s that
     * are no longer among {@code running} are forgotten.
     */
    public List<Map<String, Double>> of(List<FrozenTrial> running, FrozenTrial current, Map<String, Distribution> space) {
        Set<Integer> stillRunning = new HashSet<>();
        List<Map<String, Double>> points = new ArrayList<>();
        for (FrozenTrial t : running) {
            stillRunning.add(t.number());
            if (t.number() == current.number()) {
                continue;
            }
            Map<String, Double> internal = fromParams(t, space);
            if (internal == null) {
                internal = proposed.get(t.number());
            }
            if (internal != null && internal.keySet().containsAll(space.keySet())) {
                points.add(internal);
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
