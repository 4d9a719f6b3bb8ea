package io.tunelab.tracker.query;

import io.tunelab.search.trial.FrozenTrial;
import java.util.List;

/**
 * A slice of a study's trials.
 *
 * @param trials the trials, in cursor order
 * @param cursor pass back to get what comes next: the last trial number for pages by number, the
 *               change counter for change feeds (unchanged when nothing was new)
 * @param more   whether more trials were waiting beyond the limit
 */
public record TrialPage(List<FrozenTrial> trials, long cursor, boolean more) {
    public TrialPage {
        trials = List.copyOf(trials);
    }
}
