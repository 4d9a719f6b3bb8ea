package io.tunelab.search.trial;

import io.tunelab.search.SearchException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What samplers and pruners see of a study: its directions and an immutable snapshot of its trials.
 * Implementations are thread-safe; every call may return a newer snapshot.
 */
public interface StudyView {

    long studyId();

    String name();

    /** One direction per objective. */
    List<Direction> directions();

    /** Trials in the given states, ordered by number; the list and its trials never change. */
    List<FrozenTrial> trials(Set<TrialState> states);

    /**
     * How many trials are in the given states: the size of {@link #trials(Set)}, which is the default; a view backed by
     * a storage answers without reading the trials.
     */
    default int countTrials(Set<TrialState> states) {
        return trials(states).size();
    }

    /** Study-level attributes (sampler configuration, budget...). */
    default Map<String, Object> systemAttrs() {
        return Map.of();
    }

    /** All trials, ordered by number. */
    default List<FrozenTrial> trials() {
        return trials(EnumSet.allOf(TrialState.class));
    }

    /** The direction of a single-objective study; throws for several objectives. */
    default Direction direction() {
        List<Direction> d = directions();
        if (d.size() != 1) {
            throw new SearchException("study '" + name() + "' has " + d.size()
                    + " objectives; this needs exactly one");
        }
        return d.get(0);
    }

    default boolean isMultiObjective() {
        return directions().size() > 1;
    }
}
