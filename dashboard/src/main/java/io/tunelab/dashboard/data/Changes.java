package io.tunelab.dashboard.data;

import io.tunelab.search.trial.FrozenTrial;
import java.util.List;

/**
 * What changed in a study after a cursor.
 *
 * @param cursor  pass this to the next call to get only later changes
 * @param reset   true when the given cursor was not issued by this instance (the reader should reload)
 * @param trials  trials created or changed since the cursor, their latest snapshots, ordered by number
 * @param metrics series that grew since the cursor
 * @param study   true when the study's own attributes (its user attributes among them) changed since the cursor
 */
public record Changes(long cursor, boolean reset, List<FrozenTrial> trials, List<MetricUpdate> metrics, boolean study) {
    public Changes {
        trials = List.copyOf(trials);
        metrics = List.copyOf(metrics);
    }

    /** Changes of trials and series only: the study's attributes did not change (or this feed cannot tell). */
    public Changes(long cursor, boolean reset, List<FrozenTrial> trials, List<MetricUpdate> metrics) {
        this(cursor, reset, trials, metrics, false);
    }

    public boolean isEmpty() {
        return !reset && trials.isEmpty() && metrics.isEmpty() && !study;
    }

    /**
     * A series that grew.
     *
     * @param trialId  the trial
     * @param number   the trial's number
     * @param name     series name
     * @param count    points now
     * @param lastStep its last step now
     */
    public record MetricUpdate(long trialId, int number, String name, long count, long lastStep) {
    }
}
