package io.tunelab.dashboard.data;

import io.tunelab.search.trial.FrozenTrial;
import java.util.List;

/**
 * A slice of a study's trials ordered by number.
 *
 * @param trials  the trials, ordered by number
 * @param hasMore whether trials with larger numbers exist beyond this page
 */
public record TrialPage(List<FrozenTrial> trials, boolean hasMore) {
    public TrialPage {
        trials = List.copyOf(trials);
    }
}
