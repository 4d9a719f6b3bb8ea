package io.tunelab.tracker.jdbc;

import io.tunelab.search.trial.TrialState;
import java.time.Instant;

/**
 * The columns of one {@code trials} row.
 *
 * @param changeSeq the study's change counter at the trial's last state change
 */
record TrialHead(long id, long studyId, int number, TrialState state, Instant start, Instant end,
                        String message, long changeSeq) {
}
