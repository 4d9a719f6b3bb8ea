package io.tunelab.dashboard.data;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the studies page shows of a study.
 *
 * @param id           storage id
 * @param name         the study's name (user-provided: escape it when rendering)
 * @param directions   one per objective
 * @param counts       number of trials in each state (every state present, maybe 0)
 * @param bestValues   the best trial's values (single objective), or empty
 * @param bestNumber   the best trial's number, or -1
 * @param paretoSize   for several objectives, how many trials are Pareto-optimal; else 0 or 1
 * @param sampler      the sampler's type name, or "" if not recorded
 * @param created      when the study was created
 * @param lastActivity latest trial start or end, or {@code created}
 * @param attrs        the study's system attributes (sampler, pruner, seed...)
 */
public record StudySummary(long id, String name, List<Direction> directions, Map<TrialState, Integer> counts,
                           List<Double> bestValues, int bestNumber, int paretoSize, String sampler,
                           Instant created, Instant lastActivity, Map<String, Object> attrs) {
    public StudySummary {
        directions = List.copyOf(directions);
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
        bestValues = List.copyOf(bestValues);
        attrs = Collections.unmodifiableMap(new LinkedHashMap<>(attrs));
    }

    /** Number of trials in any state. */
    public int totalTrials() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
