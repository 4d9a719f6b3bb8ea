package io.tunelab.tracker.query;

import io.tunelab.search.trial.Direction;
import io.tunelab.search.trial.TrialState;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a studies table.
 *
 * @param id           study id
 * @param name         study name
 * @param directions   one per objective
 * @param counts       number of trials in each state (every state present, zero included)
 * @param bestValue    the best COMPLETE value of a single-objective study, or null
 * @param sampler      the sampler's type as recorded at creation, or null
 * @param created      creation time
 * @param lastActivity the latest trial start or end, or the creation time
 * @param changeCursor the study's change counter (pass to {@link TrackerQueries#changedSince})
 */
public record StudySummary(long id, String name, List<Direction> directions, Map<TrialState, Integer> counts,
                           Double bestValue, String sampler, Instant created, Instant lastActivity, long changeCursor) {
    public StudySummary {
        directions = List.copyOf(directions);
        EnumMap<TrialState, Integer> all = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            all.put(s, counts.getOrDefault(s, 0));
        }
        counts = Collections.unmodifiableMap(all);
    }

    /** Trials in any state. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
