package io.tunelab.tracker.query;

import io.tunelab.search.space.Distribution;
import io.tunelab.search.trial.FrozenTrial;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search space a study's trials used: every parameter any trial set, with the distribution the
 * highest-numbered trial that set it used, in order of first appearance (by trial number, then in the
 * order that trial set them). What the dashboard draws axes from. Stateless.
 */
public final class TrialsSearchSpace {
    private TrialsSearchSpace() {
    }

    /** The space of {@code trials}, which are ordered by number. */
    public static Map<String, Distribution> of(List<FrozenTrial> trials) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        for (FrozenTrial t : trials) {
            space.putAll(t.distributions());
        }
        return Collections.unmodifiableMap(space);
    }
}
